package it.familyaudit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.support.CuttableLink;
import it.familyaudit.workflow.support.PostgresAvailable;
import it.familyaudit.workflow.support.PostgresDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The database out of reach, as while it restarts or its network fails: the application reports itself DOWN,
 * answers 503 with {@code Retry-After} (problem details to programs, the Italian page to people), and once the
 * database is back it is UP again and working by itself, without a restart.
 */
@PostgresAvailable
@SpringBootTest(properties = {
        // How long a request waits for a connection before it is answered 503 (the application's default is 5 s).
        "spring.datasource.hikari.connection-timeout=2000"})
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test", "postgres"})
@DirtiesContext
class DatabaseUnreachablePostgresTest {

    private static CuttableLink link;
    private static String database;

    @Autowired
    MockMvc mvc;
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
        assertThat(health().getStatus()).isEqualTo(200);
        assertThat(call("referent", "referent-demo", "/api/tasks").getStatus()).isEqualTo(200);

        link.cut();

        MockHttpServletResponse down = health();
        assertThat(down.getStatus()).isEqualTo(503);
        assertThat(json.readTree(down.getContentAsString()).path("status").asText()).isEqualTo("DOWN");
        MockHttpServletResponse api = call("referent", "referent-demo", "/api/tasks");
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getHeader("Retry-After")).isEqualTo("5");
        assertThat(api.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(api.getContentAsString());
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("detail").asText()).isNotBlank().doesNotContain("SQL", "Exception", "jdbc");
        MockHttpServletResponse page = mvc.perform(get("/verifica").param("codice", "FA-0000-0000")
                .accept(MediaType.TEXT_HTML)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("5");
        assertThat(page.getContentAsString()).contains("lang=\"it\"").doesNotContain("Exception", "jdbc", "at org.");

        link.mend();
        long mended = System.nanoTime();
        Duration deadline = Duration.ofSeconds(30);
        MockHttpServletResponse up = health();
        while (up.getStatus() != 200 && System.nanoTime() - mended < deadline.toNanos()) {
            up = health();
        }
        Duration recovery = Duration.ofNanos(System.nanoTime() - mended);
        System.out.printf("Database reachable again: health UP after %d ms%n", recovery.toMillis());
        assertThat(up.getStatus()).as("health UP within %s of the database's return", deadline).isEqualTo(200);
        assertThat(json.readTree(up.getContentAsString()).path("status").asText()).isEqualTo("UP");
        assertThat(call("referent", "referent-demo", "/api/tasks").getStatus()).isEqualTo(200);
        // and writes: the agency registers an organisation
        assertThat(mvc.perform(post("/api/organizations").with(httpBasic("agency", "agency-demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"back-again\",\"name\":\"Comune di Ritorno\",\"kind\":\"MUNICIPALITY\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
    }

    private MockHttpServletResponse health() throws Exception {
        return mvc.perform(get("/actuator/health")).andReturn().getResponse();
    }

    private MockHttpServletResponse call(String user, String password, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, password)).accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse();
    }
}
