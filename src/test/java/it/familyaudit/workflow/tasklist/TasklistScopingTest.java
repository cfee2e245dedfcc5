package it.familyaudit.workflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.organization.OrganizationService;
import it.familyaudit.workflow.support.ApiDriver;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What Tasklist shows comes from the webapps' own REST API with the user's session: each user
 * gets the tasks of their own organisations only, whatever the filter asks for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class TasklistScopingTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;
    @Autowired
    OrganizationService organizations;
    @Autowired
    ManagementService management;

    /** A logged-in Tasklist session. */
    private final class Session {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        Session(String user, String password) throws Exception {
            send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(login.statusCode()).as("login of %s: %s", user, login.body()).isEqualTo(200);
        }

        Set<String> taskTenants() throws Exception {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task?maxResults=1000")).GET());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            Set<String> tenants = new HashSet<>();
            for (JsonNode task : json.readTree(r.body())) {
                tenants.add(task.path("tenantId").asText());
            }
            return tenants;
        }

        Set<String> processInstanceTenants() throws Exception {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/process-instance?maxResults=1000")).GET());
            Set<String> tenants = new HashSet<>();
            if (r.statusCode() == 200) {
                for (JsonNode instance : json.readTree(r.body())) {
                    tenants.add(instance.path("tenantId").asText());
                }
            } else {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            }
            return tenants;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void everyoneSeesTheTasksAndInstancesOfTheirOwnOrganisationsOnly() throws Exception {
        ApiDriver a = new ApiDriver(mvc, json, identity, organizations, management);
        ApiDriver b = new ApiDriver(mvc, json, identity, organizations, management);
        a.start();
        b.start();
        // Organisation a gets as far as the kick-off, so its consultant has something to see.
        a.completeOk(a.referent, "SubmitApplicationTask", ApiDriver.application(10));
        a.completeOk("agency", "RecordPaymentTask", ApiDriver.payment(100));
        a.completeOk("agency", "AssignProfessionalsTask", ApiDriver.professionals("consultant2", "evaluator2"));

        Session referentB = new Session(b.referent, ApiDriver.PASSWORD);
        assertThat(referentB.taskTenants()).containsExactly(b.organization);
        assertThat(referentB.processInstanceTenants()).isSubsetOf(b.organization);

        Session consultant = new Session("consultant2", "consultant2-demo");
        assertThat(consultant.taskTenants()).contains(a.organization).doesNotContain(b.organization);
        assertThat(consultant.processInstanceTenants()).doesNotContain(b.organization);

        Session managerA = new Session(a.manager, ApiDriver.PASSWORD);
        assertThat(managerA.taskTenants()).isSubsetOf(a.organization);
        assertThat(managerA.processInstanceTenants()).isSubsetOf(a.organization);

        Session agency = new Session("agency", "agency-demo");
        assertThat(agency.taskTenants()).contains(a.organization, b.organization);
    }
}
