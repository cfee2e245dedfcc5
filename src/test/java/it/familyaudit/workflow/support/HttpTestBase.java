package it.familyaudit.workflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.organization.OrganizationService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole application on a real port, for what only a real server does: Camunda's webapps and
 * REST API (Jersey and servlet filters, which MockMvc does not run), cookies, proxy headers. The
 * same configuration as {@code EngineRestTest}, so the test runs share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
public abstract class HttpTestBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    protected int port;
    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected IdentityService identity;
    @Autowired
    protected OrganizationService organizations;
    @Autowired
    protected ManagementService management;

    @Autowired
    protected ProcessEngine engine;

    /**
     * Camunda's REST API and the webapps look the engine up by name in a registry shared by the
     * whole JVM, where every test application registers its own as "default": this test's
     * requests go to this application's engine, where its authentication is.
     */
    @BeforeEach
    void serveThisApplicationsEngine() {
        ProcessEngines.registerProcessEngine(engine);
        WebappRuntimes.restoreIfEmptied();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A new organisation with its own users, driven through our API. */
    protected ApiDriver newDriver() {
        return new ApiDriver(mvc, json, identity, organizations, management);
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    protected HttpRequest.Builder request(String path, String user, String password) {
        return request(path).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    protected HttpRequest.Builder asAdmin(String path) {
        return request(path, "admin", "admin-demo");
    }

    protected static HttpRequest.BodyPublisher jsonBody(ObjectMapper json, Object body) throws IOException {
        return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }
}
