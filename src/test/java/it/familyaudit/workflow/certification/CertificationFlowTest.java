package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.support.ApiDriver.application;
import static it.familyaudit.workflow.support.ApiDriver.approval;
import static it.familyaudit.workflow.support.ApiDriver.evaluation;
import static it.familyaudit.workflow.support.ApiDriver.kickoff;
import static it.familyaudit.workflow.support.ApiDriver.payment;
import static it.familyaudit.workflow.support.ApiDriver.plan;
import static it.familyaudit.workflow.support.ApiDriver.professionals;
import static it.familyaudit.workflow.support.ApiDriver.workingGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.plan.PlanRepository;
import it.familyaudit.workflow.plan.PlanStatus;
import it.familyaudit.workflow.plan.PlanVersion;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.ApiTestBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** The other ways a cycle goes, through the API with the real steps behind the model. */
class CertificationFlowTest extends ApiTestBase {

    @Autowired
    PlanRepository plans;

    @Test
    void theFeeFollowsTheEmployeesInvolved() throws Exception {
        long id = driver.start();
        driver.completeOk(driver.referent, "SubmitApplicationTask", application(15));
        assertThat(driver.status(id).path("feeAmount").asInt()).isEqualTo(100);
    }

    @Test
    void aPaymentBelowTheFeeIsRefused() throws Exception {
        driver.start();
        driver.completeOk(driver.referent, "SubmitApplicationTask", application(16));
        MvcResult result = driver.complete("agency", "RecordPaymentTask", payment(100));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("amountPaid");
    }

    @Test
    void aSecondCycleCannotStartWhileOneIsActive() throws Exception {
        driver.start();
        MvcResult second = driver.call(driver.referent, "POST", "/api/certifications", null);
        assertThat(second.getResponse().getStatus()).isEqualTo(409);
        assertThat(driver.call("agency", "POST", "/api/certifications", null).getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void managementCanSendThePlanBackWithRequestedChanges() throws Exception {
        long id = toPlanApproval();
        MvcResult missingChanges = driver.complete(driver.manager, "ApprovePlanTask", Map.of("planDecision", "changes"));
        assertThat(missingChanges.getResponse().getStatus()).isEqualTo(400);
        assertThat(missingChanges.getResponse().getContentAsString()).contains("requestedChanges");

        driver.completeOk(driver.manager, "ApprovePlanTask",
                Map.of("planDecision", "changes", "requestedChanges", "Aggiungere indicatori misurabili"));
        assertThat(driver.status(id).path("phase").asText()).isEqualTo("PLAN_DRAFTING");
        driver.completeOk(driver.workingGroup, "DraftPlanTask", plan());
        driver.completeOk(driver.manager, "ApprovePlanTask", approval());

        List<PlanVersion> versions = plans.versions(id);
        assertThat(versions).extracting(PlanVersion::status)
                .containsExactly(PlanStatus.CHANGES_REQUESTED, PlanStatus.APPROVED);
        assertThat(versions.get(1).decidedBy()).isEqualTo(driver.manager);
        assertThat(driver.status(id).path("phase").asText()).isEqualTo("EVALUATION");
    }

    @Test
    void whoSubmittedThePlanCannotApproveIt() throws Exception {
        toPlanApproval();
        // A working-group member who is also in management still may not approve their own plan.
        identity.createMembership(driver.workingGroup, "management");
        MvcResult own = driver.complete(driver.workingGroup, "ApprovePlanTask", approval());
        assertThat(own.getResponse().getStatus()).isEqualTo(400);
        assertThat(own.getResponse().getContentAsString()).contains("non può approvarlo");
    }

    @Test
    void evaluatorAndCouncilCanAskForIntegration() throws Exception {
        long id = toPlanApproval();
        driver.completeOk(driver.manager, "ApprovePlanTask", approval());
        MvcResult noRequests = driver.complete("evaluator", "RecordEvaluationVisitTask", evaluation("integration"));
        assertThat(noRequests.getResponse().getStatus()).isEqualTo(400);
        Map<String, Object> integration = new java.util.HashMap<>(evaluation("integration"));
        integration.put("integrationRequests", "Precisare i tempi delle azioni");
        driver.completeOk("evaluator", "RecordEvaluationVisitTask", integration);
        assertThat(driver.status(id).path("phase").asText()).isEqualTo("PLAN_DRAFTING");

        driver.completeOk(driver.workingGroup, "DraftPlanTask", plan());
        driver.completeOk(driver.manager, "ApprovePlanTask", approval());
        driver.completeOk("evaluator", "RecordEvaluationVisitTask", evaluation("negative"));
        driver.completeOk("council", "DecideCertificationTask", ApiDriver.council("integration"));
        assertThat(driver.status(id).path("phase").asText()).isEqualTo("PLAN_DRAFTING");

        driver.completeOk(driver.workingGroup, "DraftPlanTask", plan());
        driver.completeOk(driver.manager, "ApprovePlanTask", approval());
        driver.completeOk("evaluator", "RecordEvaluationVisitTask", evaluation("negative"));
        driver.completeOk("council", "DecideCertificationTask", ApiDriver.council("deny"));
        JsonNode status = driver.status(id);
        assertThat(status.path("status").asText()).isEqualTo("DENIED");
        assertThat(status.path("certificate").isMissingNode()).isTrue();
        assertThat(plans.versions(id)).hasSize(3);
    }

    @Test
    void theOrganisationCanWithdrawAtAnyMoment() throws Exception {
        long id = toPlanApproval();
        assertThat(driver.call("agency", "POST", "/api/certifications/" + id + "/withdrawal", Map.of("reason", "x"))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(driver.call(driver.referent, "POST", "/api/certifications/" + id + "/withdrawal", Map.of("reason", " "))
                .getResponse().getStatus()).isEqualTo(400);

        JsonNode withdrawn = driver.ok(driver.referent, "POST", "/api/certifications/" + id + "/withdrawal",
                Map.of("reason", "Riorganizzazione dell'ente"));
        assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("openTasks")).isEmpty();
        assertThat(kinds(withdrawn)).contains("WITHDRAWAL_REQUESTED", "WITHDRAWN");
        assertThat(driver.call(driver.referent, "POST", "/api/certifications/" + id + "/withdrawal",
                Map.of("reason", "di nuovo")).getResponse().getStatus()).isEqualTo(409);
        // Withdrawn, the organisation may start a new cycle.
        assertThat(driver.start()).isNotEqualTo(id);
    }

    @Test
    void theSixMonthClockWarnsFlagsAndLetsTheAgencyExtendOrClose() throws Exception {
        long id = toKickoff();
        LocalDate kickoff = EngineTime.today();
        driver.completeOk("consultant", "RecordKickoffWorkshopTask", kickoff(kickoff));
        assertThat(driver.status(id).path("evaluationDeadline").asText()).isEqualTo(kickoff.plusMonths(6).toString());

        moveClockTo(kickoff.plusMonths(5).plusDays(1));
        driver.executeJobs();
        JsonNode warned = driver.status(id);
        assertThat(warned.path("deadlineWarnedAt").isMissingNode()).isFalse();
        assertThat(warned.path("overdue").asBoolean()).isFalse();
        assertThat(warned.path("phase").asText()).isEqualTo("WORKING_GROUP");

        moveClockTo(kickoff.plusMonths(6).plusDays(1));
        driver.executeJobs();
        JsonNode overdue = driver.status(id);
        assertThat(overdue.path("overdue").asBoolean()).isTrue();
        assertThat(overdue.path("phase").asText()).isEqualTo("WORKING_GROUP");

        LocalDate extended = kickoff.plusMonths(8);
        driver.completeOk("agency", "DecideOverdueTask",
                Map.of("overdueDecision", "extend", "newDeadline", extended.toString(), "reason", "Cambio di giunta"));
        JsonNode afterExtension = driver.status(id);
        assertThat(afterExtension.path("overdue").asBoolean()).isFalse();
        assertThat(afterExtension.path("evaluationDeadline").asText()).isEqualTo(extended.toString());

        moveClockTo(extended.plusDays(1));
        driver.executeJobs();
        assertThat(driver.status(id).path("overdue").asBoolean()).isTrue();
        driver.completeOk("agency", "DecideOverdueTask",
                Map.of("overdueDecision", "close", "reason", "Nessun progresso"));
        JsonNode closed = driver.status(id);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("openTasks")).isEmpty();
    }

    @Test
    void anExtensionMustLieInTheFuture() throws Exception {
        toKickoff();
        LocalDate kickoff = EngineTime.today();
        driver.completeOk("consultant", "RecordKickoffWorkshopTask", kickoff(kickoff));
        moveClockTo(kickoff.plusMonths(6).plusDays(1));
        driver.executeJobs();
        MvcResult past = driver.complete("agency", "DecideOverdueTask",
                Map.of("overdueDecision", "extend", "newDeadline", kickoff.toString(), "reason", "x"));
        assertThat(past.getResponse().getStatus()).isEqualTo(400);
        assertThat(past.getResponse().getContentAsString()).contains("newDeadline");
    }

    @Test
    void aOneGenderWorkingGroupGetsAWarningNotABlock() throws Exception {
        long id = toKickoff();
        driver.completeOk("consultant", "RecordKickoffWorkshopTask", kickoff(EngineTime.today()));
        driver.completeOk(driver.manager, "FormWorkingGroupTask", Map.of("members", List.of(
                ApiDriver.member("Anna", "F", "30-39", "istruttori", "full-time-permanent"),
                ApiDriver.member("Bea", "F", "40-49", "funzionari", "part-time-permanent"))));
        JsonNode status = driver.status(id);
        assertThat(status.path("workingGroupWarning").asText()).contains("un solo genere").contains("2 membri");
        assertThat(status.path("phase").asText()).isEqualTo("NEEDS_SURVEY");
    }

    private long toKickoff() throws Exception {
        long id = driver.start();
        driver.completeOk(driver.referent, "SubmitApplicationTask", application(30));
        driver.completeOk("agency", "RecordPaymentTask", payment(400));
        driver.completeOk("agency", "AssignProfessionalsTask", professionals("consultant", "evaluator"));
        return id;
    }

    private long toPlanApproval() throws Exception {
        long id = toKickoff();
        driver.completeOk("consultant", "RecordKickoffWorkshopTask", kickoff(EngineTime.today()));
        driver.completeOk(driver.manager, "FormWorkingGroupTask", workingGroup());
        driver.runNeedsQuestionnaire();
        driver.submitPlan();
        return id;
    }

    private static void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(EngineTime.ZONE).toInstant()));
    }

    private static List<String> kinds(JsonNode status) {
        List<String> kinds = new ArrayList<>();
        status.path("timeline").forEach(e -> kinds.add(e.path("kind").asText()));
        return kinds;
    }
}
