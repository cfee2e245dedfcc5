package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.support.ApiDriver.application;
import static it.familyaudit.workflow.support.ApiDriver.payment;
import static it.familyaudit.workflow.support.ApiDriver.professionals;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Consultants and evaluators see an organisation only while one of its cycles assigns them. */
class ProfessionalAccessTest extends ApiTestBase {

    private int status(String user, String path) throws Exception {
        return driver.call(user, "GET", path, null).getResponse().getStatus();
    }

    private boolean hasTaskOfThisOrganisation(String user) throws Exception {
        for (JsonNode t : driver.ok(user, "GET", "/api/tasks?size=200", null).path("tasks")) {
            if (t.path("organizationCode").asText().equals(driver.organization)) {
                return true;
            }
        }
        return false;
    }

    private boolean listed(String user, long id) throws Exception {
        for (JsonNode c : driver.ok(user, "GET", "/api/certifications", null)) {
            if (c.path("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aWithdrawalEndsTheAccessOfBothProfessionals() throws Exception {
        long id = driver.start();
        driver.completeOk(driver.referent, "SubmitApplicationTask", application(10));
        driver.completeOk("agency", "RecordPaymentTask", payment(100));
        driver.completeOk("agency", "AssignProfessionalsTask", professionals("consultant", "evaluator"));
        String path = "/api/certifications/" + id;
        assertThat(status("consultant", path)).isEqualTo(200);
        assertThat(status("evaluator", path)).isEqualTo(200);
        assertThat(hasTaskOfThisOrganisation("consultant")).isTrue();
        assertThat(listed("consultant", id)).isTrue();

        driver.ok(driver.referent, "POST", path + "/withdrawal", Map.of("reason", "Riorganizzazione degli uffici"));

        for (String professional : new String[] {"consultant", "evaluator"}) {
            assertThat(status(professional, path)).as(professional).isEqualTo(404);
            assertThat(status(professional, path + "/audit")).as(professional).isEqualTo(404);
            assertThat(hasTaskOfThisOrganisation(professional)).as(professional).isFalse();
            assertThat(listed(professional, id)).as(professional).isFalse();
        }
        assertThat(status(driver.referent, path)).isEqualTo(200);
        JsonNode removed = driver.ok("agency", "GET", path + "/audit", null);
        assertThat(identity.createTenantQuery().tenantId(driver.organization).userMember("consultant").count()).isZero();
        assertThat(removed.findValuesAsText("action")).contains("CERTIFICATION_ENDED");
    }

    @Test
    void aCertificateEndsTheConsultantsAccessButTheEvaluatorStaysForTheMonitoring() throws Exception {
        long id = driver.runToCertificate();
        String path = "/api/certifications/" + id;
        assertThat(status("consultant", path)).isEqualTo(404);
        assertThat(listed("consultant", id)).isFalse();
        assertThat(status("evaluator", path)).isEqualTo(200);
        assertThat(listed("evaluator", id)).isTrue();
        assertThat(status("agency", path)).isEqualTo(200);
    }
}
