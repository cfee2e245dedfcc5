package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.support.ApiDriver.application;
import static it.familyaudit.workflow.support.ApiDriver.payment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

/** Under rules where the organisation chooses its consultant, management chooses and the agency assigns the evaluator. */
@TestPropertySource(properties = {"family-audit.consultant-choice=organisation",
        "spring.datasource.url=jdbc:h2:mem:family-audit-choice;DB_CLOSE_DELAY=-1"})
class OrganisationChoosesConsultantTest extends ApiTestBase {

    @Test
    void managementChoosesTheConsultantAndTheAgencyAnotherPersonAsEvaluator() throws Exception {
        long id = driver.start();
        driver.completeOk(driver.referent, "SubmitApplicationTask", application(5));
        driver.completeOk("agency", "RecordPaymentTask", payment(100));

        JsonNode choose = driver.ok(driver.manager, "GET",
                "/api/tasks/" + driver.taskId(driver.manager, "ChooseConsultantTask"), null);
        assertThat(choose.path("values").path("consultantOptions").toString()).contains("consultant2");
        MvcResult notAConsultant = driver.complete(driver.manager, "ChooseConsultantTask", Map.of("consultantId", "evaluator"));
        assertThat(notAConsultant.getResponse().getStatus()).isEqualTo(400);
        driver.completeOk(driver.manager, "ChooseConsultantTask", Map.of("consultantId", "consultant2"));

        MvcResult same = driver.complete("agency", "AssignEvaluatorTask", Map.of("evaluatorId", "consultant2"));
        assertThat(same.getResponse().getStatus()).isEqualTo(400);
        driver.completeOk("agency", "AssignEvaluatorTask", Map.of("evaluatorId", "evaluator2"));

        JsonNode status = driver.status(id);
        assertThat(status.path("consultant").asText()).isEqualTo("consultant2");
        assertThat(status.path("evaluator").asText()).isEqualTo("evaluator2");
        assertThat(driver.taskId("consultant2", "RecordKickoffWorkshopTask")).isNotBlank();
    }
}
