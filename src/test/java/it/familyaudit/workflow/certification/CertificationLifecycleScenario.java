package it.familyaudit.workflow.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A certification from application to certificate PDF through the REST API, as a newcomer would
 * run it with curl. Run on H2 and, by a subclass, on a real PostgreSQL server.
 */
abstract class CertificationLifecycleScenario extends ApiTestBase {

    @Autowired
    HistoryService history;

    @Test
    void anOrganisationGoesFromApplicationToCertificate() throws Exception {
        long id = driver.runToCertificate();

        JsonNode status = driver.status(id);
        assertThat(status.path("status").asText()).isEqualTo("CERTIFIED");
        assertThat(status.path("phase").asText()).isEqualTo("CERTIFIED");
        assertThat(status.path("feeAmount").asInt()).isEqualTo(1000);
        assertThat(status.path("consultant").asText()).isEqualTo("consultant");
        assertThat(status.path("evaluator").asText()).isEqualTo("evaluator");
        assertThat(status.path("evaluationDeadline").asText()).isNotEmpty();
        assertThat(status.path("openTasks")).isEmpty();
        assertThat(status.path("certificate").path("number").asText()).matches("FA-\\d{4}-\\d{4}");
        assertThat(status.path("certificate").path("verificationCode").asText()).hasSize(16);

        List<String> completed = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        for (JsonNode e : status.path("timeline")) {
            if (e.path("kind").asText().equals("TASK_COMPLETED")) {
                completed.add(e.path("taskKey").asText());
                actors.add(e.path("actor").asText());
            }
        }
        assertThat(completed).containsExactly("SubmitApplicationTask", "RecordPaymentTask", "AssignProfessionalsTask",
                "RecordKickoffWorkshopTask", "FormWorkingGroupTask", "OpenQuestionnaireCampaignTask", "DraftPlanTask",
                "ApprovePlanTask", "RecordEvaluationVisitTask", "DecideCertificationTask");
        assertThat(actors).containsExactly(driver.referent, "agency", "agency", "consultant", driver.manager,
                driver.referent, driver.workingGroup, driver.manager, "evaluator", "council");

        MvcResult pdf = driver.call(driver.referent, "GET", "/api/certifications/" + id + "/certificate.pdf", null);
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");

        // Business records live in our tables; the engine kept only ids and decisions.
        // The yearly rounds carry the cycle's business key too; the cycle's own process is the certification's.
        String processInstance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
                .processDefinitionKey(CertificationProcess.KEY).singleResult().getId();
        List<String> kept = history.createHistoricVariableInstanceQuery().processInstanceId(processInstance).list()
                .stream().filter(v -> v.getActivityInstanceId() != null && v.getTaskId() == null)
                .filter(v -> !"DELETED".equals(v.getState()))
                .map(HistoricVariableInstance::getName).toList();
        assertThat(kept).doesNotContain("referentName", "referentEmail", "planText", "reportText", "members",
                "motivation", "findings", "participants");
    }
}
