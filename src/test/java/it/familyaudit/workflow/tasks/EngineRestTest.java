package it.familyaudit.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.organization.OrganizationService;
import it.familyaudit.workflow.support.ApiDriver;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.client.RestClient;

/** Camunda's own REST API, on a real port: Jersey serves it, not Spring MVC. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class EngineRestTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;
    @Autowired
    IdentityService identity;
    @Autowired
    OrganizationService organizations;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;

    @Test
    void engineRestIsForAdministratorsOnly() {
        assertThat(status(null, null, "/engine-rest/task/count")).isEqualTo(401);
        assertThat(status("referent", "referent-demo", "/engine-rest/task/count")).isEqualTo(403);
        assertThat(status("agency", "agency-demo", "/engine-rest/task/count")).isEqualTo(403);
        assertThat(status("admin", "admin-demo", "/engine-rest/task/count")).isEqualTo(200);
    }

    @Test
    void completingThroughEngineRestPassesTheSameChecks() throws Exception {
        ApiDriver driver = new ApiDriver(mvc, json, identity, organizations, management);
        driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");
        Map<String, Object> incomplete = Map.of("variables", Map.of("scope", Map.of("value", "whole")));

        // The administrator is technical: no business decision, whatever way in.
        ResponseEntity<String> byAdmin = completion("admin", "admin-demo", task, incomplete);
        assertThat(byAdmin.getStatusCode().value()).isEqualTo(403);
        assertThat(byAdmin.getBody()).contains("Questa attività spetta a").contains("referent");

        // An administrator who is also the organisation's referent meets the form's own checks.
        String both = "admin-referent-" + driver.organization;
        User user = identity.newUser(both);
        user.setPassword(ApiDriver.PASSWORD);
        identity.saveUser(user);
        identity.createMembership(both, "admin");
        identity.createMembership(both, "referent");
        organizations.addMember(driver.organization, both);
        ResponseEntity<String> invalid = completion(both, ApiDriver.PASSWORD, task, incomplete);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody()).contains("employeesInvolved").contains("Campo obbligatorio");
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    private ResponseEntity<String> completion(String user, String password, String task, Map<String, Object> body) {
        return client(user, password).post().uri("/engine-rest/task/" + task + "/complete")
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class);
    }

    private int status(String user, String password, String path) {
        return client(user, password).get().uri(path).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { })
                .toBodilessEntity().getStatusCode().value();
    }

    private RestClient client(String user, String password) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
        if (user != null) {
            builder.defaultHeaders(h -> h.setBasicAuth(user, password));
        }
        return builder.build();
    }
}
