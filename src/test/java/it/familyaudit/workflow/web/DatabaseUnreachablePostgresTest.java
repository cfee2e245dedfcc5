package it.familyaudit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.support.CuttableLink;
import it.familyaudit.workflow.support.PostgresAvailable;
import it.familyaudit.workflow.support.PostgresDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database out of reach, as while it restarts or its network fails: the application reports itself DOWN,
 * answers 503 with {@code Retry-After} (problem details to programs, the Italian page to people), and once the
 * database is back it is UP again and working by itself, without a restart.
 */
@PostgresAvailable
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // How long a request waits for a connection before it is answered 503 (the application's default is 5 s).
        "spring.datasource.hikari.connection-timeout=2000"})
@ActiveProfiles({"demo", "test", "postgres"})
@DirtiesContext
class DatabaseUnreachablePostgresTest {

    private static CuttableLink link;
    private static String database;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void throughTheLink(DynamicPropertyRegistry registry) throws Exception {
        database = PostgresDatabases.fresh("unreachable");
        link = new CuttableLink(PostgresDatabases.host(), PostgresDatabases.port());
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + link.port() + "/"
                + PostgresDatabases.name(database));
    }

    @AfterAll
    static void dropTheDatabase() throws Exception {
        link.close();
        PostgresDatabases.drop(database);
    }

    @Test
    void whileTheDatabaseIsOutOfReachHealthIsDownAndRequestsAre503ThenItRecoversByItself() throws Exception {
        assertThat(health().statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/tasks", "referent:referent-demo", null).statusCode()).isEqualTo(200);

        link.cut();

        HttpResponse<String> down = health();
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json.readTree(down.body()).path("status").asText()).isEqualTo("DOWN");
        // A program: problem details; the sign-in itself needs the database, so this is answered before any controller.
        HttpResponse<String> api = call("GET", "/api/tasks", "referent:referent-demo", null);
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        JsonNode problem = json.readTree(api.body());
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(api.body()).doesNotContain("SQL", "Exception", "jdbc");
        // A person: the portal's Italian page.
        HttpResponse<String> page = call("GET", "/verifica?codice=FA-0000-0000", null, null);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(page.body()).contains("lang=\"it\"").doesNotContain("Exception", "jdbc", "at org.");

        link.mend();
        long mended = System.nanoTime();
        Duration deadline = Duration.ofSeconds(30);
        HttpResponse<String> up = health();
        while (up.statusCode() != 200 && System.nanoTime() - mended < deadline.toNanos()) {
            up = health();
        }
        Duration recovery = Duration.ofNanos(System.nanoTime() - mended);
        System.out.printf("Database reachable again: health UP after %d ms%n", recovery.toMillis());
        assertThat(up.statusCode()).as("health UP within %s of the database's return", deadline).isEqualTo(200);
        assertThat(json.readTree(up.body()).path("status").asText()).isEqualTo("UP");
        assertThat(call("GET", "/api/tasks", "referent:referent-demo", null).statusCode()).isEqualTo(200);
        // and writes: the agency registers an organisation
        assertThat(call("POST", "/api/organizations", "agency:agency-demo",
                "{\"code\":\"back-again\",\"name\":\"Comune di Ritorno\",\"kind\":\"MUNICIPALITY\"}").statusCode())
                .isEqualTo(201);
    }

    private HttpResponse<String> health() throws Exception {
        return call("GET", "/actuator/health", null, null);
    }

    private HttpResponse<String> call(String method, String path, String credentials, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", path.startsWith("/api") || path.startsWith("/actuator")
                        ? "application/json" : "text/html")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
