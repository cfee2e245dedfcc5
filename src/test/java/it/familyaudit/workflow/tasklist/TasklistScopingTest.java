package it.familyaudit.workflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.HttpTestBase;
import it.familyaudit.workflow.support.WebappSession;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What Tasklist shows comes from the webapps' own REST API with the user's session: each user
 * gets the tasks of their own organisations only, whatever the filter asks for.
 */
class TasklistScopingTest extends HttpTestBase {

    private Set<String> taskTenants(WebappSession session) throws Exception {
        HttpResponse<String> r = session.open("/camunda/api/engine/engine/default/task?maxResults=1000");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return tenants(r.body());
    }

    /** Instances the user may read (none, or 403, for roles without the right): never another organisation's. */
    private Set<String> processInstanceTenants(WebappSession session) throws Exception {
        HttpResponse<String> r = session.open("/camunda/api/engine/engine/default/process-instance?maxResults=1000");
        if (r.statusCode() != 200) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            return Set.of();
        }
        return tenants(r.body());
    }

    private Set<String> tenants(String body) throws Exception {
        Set<String> tenants = new HashSet<>();
        for (JsonNode item : json.readTree(body)) {
            tenants.add(item.path("tenantId").asText());
        }
        return tenants;
    }


    @Test
    void everyoneSeesTheTasksAndInstancesOfTheirOwnOrganisationsOnly() throws Exception {
        ApiDriver a = newDriver();
        ApiDriver b = newDriver();
        a.start();
        b.start();
        // Organisation a gets as far as the kick-off, so its consultant has something to see.
        a.completeOk(a.referent, "SubmitApplicationTask", ApiDriver.application(10));
        a.completeOk("agency", "RecordPaymentTask", ApiDriver.payment(100));
        a.completeOk("agency", "AssignProfessionalsTask", ApiDriver.professionals("consultant2", "evaluator2"));

        WebappSession referentB = WebappSession.signedIn(port, b.referent, ApiDriver.PASSWORD);
        assertThat(taskTenants(referentB)).containsExactly(b.organization);
        assertThat(processInstanceTenants(referentB)).isSubsetOf(b.organization);

        WebappSession consultant = WebappSession.signedIn(port, "consultant2", "consultant2-demo");
        assertThat(taskTenants(consultant)).contains(a.organization).doesNotContain(b.organization);
        assertThat(processInstanceTenants(consultant)).doesNotContain(b.organization);

        WebappSession managerA = WebappSession.signedIn(port, a.manager, ApiDriver.PASSWORD);
        assertThat(taskTenants(managerA)).isSubsetOf(a.organization);
        assertThat(processInstanceTenants(managerA)).isSubsetOf(a.organization);

        WebappSession agency = WebappSession.signedIn(port, "agency", "agency-demo");
        assertThat(taskTenants(agency)).contains(a.organization, b.organization);
    }
}
