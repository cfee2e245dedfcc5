package it.familyaudit.workflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanRepository;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.ApiTestBase;
import it.familyaudit.workflow.support.MonitoringApiDriver;
import it.familyaudit.workflow.support.MonitoringValues;
import it.familyaudit.workflow.support.PlanSeeds;
import it.familyaudit.workflow.engine.FormValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The years after the certificate through the REST API, as the organisation, the evaluator, the council
 * and the agency would live them: a full round (report, send-back, approval, audit, recommendation,
 * confirmation), corrective measures and revocation, reminders and escalation of overdue tasks, three
 * years to the Executive, then maintenance and consolidation.
 */
class MonitoringApiTest extends ApiTestBase {

    @Autowired
    PlanRepository plans;
    @Autowired
    JdbcClient db;
    @Autowired
    MonitoringRepository rounds;
    @Autowired
    FormService forms;
    @Autowired
    RuntimeService runtime;

    private MonitoringApiDriver monitoring;

    @BeforeEach
    void driveTheMonitoring() {
        monitoring = new MonitoringApiDriver(driver, management, rounds);
    }

    /**
     * Plan: 1.1 and 1.2 run in year 1 (1.2 also in year 2), 2.1 in year 2 only, 3.1 in years 1 to 3 with a
     * deadline in year 1; budgets 1000 and 3000 €.
     */
    private static PlanContent smallPlan(LocalDate certified) {
        return new PlanContent(PlanContent.STANDARD_FIELDS, List.of(
                PlanSeeds.action("1.1", "1", "Formazione dei dirigenti", Set.of(1), null, new BigDecimal("1000"),
                        List.of(PlanSeeds.indicator("Dirigenti formati"), PlanSeeds.indicator("Ore di formazione"))),
                PlanSeeds.action("1.2", "1", "Orario flessibile", Set.of(1, 2), null, null,
                        List.of(PlanSeeds.indicator("Dipendenti con orario flessibile"))),
                PlanSeeds.action("2.1", "2", "Sportello famiglia", Set.of(2), null, new BigDecimal("3000"), List.of()),
                PlanSeeds.action("3.1", "3", "Lavoro agile", Set.of(1, 2, 3), certified.plusMonths(6), null,
                        List.of(PlanSeeds.indicator("Dipendenti in lavoro agile")))));
    }

    private long certifiedWithPlan() throws Exception {
        long id = driver.runToCertificate();
        PlanSeeds.approved(plans, db, id, smallPlan(LocalDate.parse(ApiDriver.today())));
        return id;
    }

    private String taskId(String user, String taskKey) throws Exception {
        return driver.taskId(user, taskKey);
    }

    @Test
    void aYearOfMonitoringRunsFromTheReportToTheCouncilsConfirmation() throws Exception {
        long id = certifiedWithPlan();
        String certified = ApiDriver.today();

        // The three years are planned at the certificate's anniversaries; the first is scheduled
        JsonNode planned = monitoring.monitoring(driver.referent, id);
        assertThat(planned.path("years").asInt()).isEqualTo(3);
        assertThat(planned.path("rounds")).hasSize(3);
        JsonNode first = planned.path("rounds").get(0);
        assertThat(first.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(first.path("reportDue").asText()).isEqualTo(LocalDate.parse(certified).plusYears(1).toString());
        assertThat(first.path("opensOn").asText())
                .isEqualTo(LocalDate.parse(certified).plusYears(1).minusDays(30).toString());
        assertThat(planned.path("rounds").get(1).path("status").asText()).isEqualTo("PLANNED");

        // At the anniversary less 30 days the round opens: the referent's report lists the year's actions
        monitoring.open(id);
        JsonNode form = driver.ok(driver.referent, "GET", "/api/tasks/" + taskId(driver.referent,
                MonitoringProcess.COMPILE_REPORT), null);
        List<String> listed = new ArrayList<>();
        form.path("values").path("actionReports").forEach(r -> listed.add(r.path("actionCode").asText()));
        assertThat(listed).containsExactly("1.1", "1.2", "3.1");
        assertThat(form.path("values").path("indicatorValues")).hasSize(4);
        assertThat(form.path("values").path("roundNo").asInt()).isEqualTo(1);
        JsonNode opened = driver.status(id);
        assertThat(opened.path("phase").asText()).isEqualTo("MONITORING_REPORT");
        // The round's process works for the certification: its status lists the round's task.
        assertThat(opened.path("openTasks").findValuesAsText("taskKey")).containsExactly(MonitoringProcess.COMPILE_REPORT);

        // A report with a rescheduled action without a reason and an unmeasured indicator is refused, all at once
        List<ReportedAction> actions = monitoring.actions(id);
        Map<String, Object> incomplete = new HashMap<>(MonitoringValues.report(actions,
                a -> a.code().equals("1.2") ? "rescheduled" : "done"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = new ArrayList<>((List<Map<String, Object>>) incomplete.get("actionReports"));
        rows.set(1, Map.of("actionCode", "1.2", "state", "rescheduled"));
        incomplete.put("actionReports", rows);
        incomplete.put("indicatorValues", List.of(Map.of("actionCode", "1.1", "indicatorNo", 1, "measuredValue", 20)));
        MvcResult refused = driver.complete(driver.referent, MonitoringProcess.COMPILE_REPORT, incomplete);
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        JsonNode errors = json.readTree(refused.getResponse().getContentAsByteArray()).path("errors");
        assertThat(errors.findValuesAsText("field")).contains("actionReports[1].reason", "indicatorValues");

        // The referent reports 1.2 as rescheduled with its reason; the other actions done
        driver.completeOk(driver.referent, MonitoringProcess.COMPILE_REPORT, MonitoringValues.report(actions,
                a -> a.code().equals("1.2") ? "rescheduled" : "done"));

        // Management sends it back; the referent finds what was reported and submits again
        driver.completeOk(driver.manager, MonitoringProcess.APPROVE_REPORT, MonitoringValues.sendBack());
        JsonNode again = driver.ok(driver.referent, "GET", "/api/tasks/" + taskId(driver.referent,
                MonitoringProcess.COMPILE_REPORT), null);
        assertThat(again.path("values").path("actionReports").get(1).path("state").asText()).isEqualTo("rescheduled");
        driver.completeOk(driver.referent, MonitoringProcess.COMPILE_REPORT, MonitoringValues.report(actions,
                a -> a.code().equals("1.2") ? "rescheduled" : "done"));
        driver.completeOk(driver.manager, MonitoringProcess.APPROVE_REPORT, MonitoringValues.approval());

        // The assigned evaluator audits; the table recommends; the council sees the recommendation and confirms
        driver.completeOk("evaluator", MonitoringProcess.AUDIT_REPORT, MonitoringValues.audit("confirm"));
        JsonNode decide = driver.ok("council", "GET", "/api/tasks/" + taskId("council", MonitoringProcess.DECIDE), null);
        assertThat(decide.path("values").path("recommendedOutcome").asText()).isEqualTo("confermare");
        assertThat(decide.path("values").path("evaluatorRecommendation").asText()).isEqualTo("confermare");
        driver.completeOk("council", MonitoringProcess.DECIDE, MonitoringValues.decision("confirm"));

        // The round is confirmed with its figures; the next year is scheduled at the next anniversary
        JsonNode after = monitoring.monitoring("agency", id);
        JsonNode year1 = after.path("rounds").get(0);
        assertThat(year1.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(year1.path("reportOnTime").asBoolean()).isTrue();
        // Due by this report: 1.1 (its last year) and 3.1 (its deadline passed); both done
        assertThat(year1.path("actionsDue").asInt()).isEqualTo(2);
        assertThat(year1.path("doneShare").decimalValue()).isEqualByComparingTo("1");
        assertThat(year1.path("recommendation").asText()).isEqualTo("confirm");
        assertThat(year1.path("decision").asText()).isEqualTo("confirm");
        assertThat(after.path("rounds").get(1).path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(after.path("certificate").path("status").asText()).isEqualTo("VALID");
        assertThat(driver.status(id).path("status").asText()).isEqualTo("CERTIFIED");
        assertThat(driver.status(id).path("phase").asText()).isEqualTo("MONITORING");

        // Everything is on the record, each with who did it
        List<String> audit = new ArrayList<>();
        driver.ok("agency", "GET", "/api/certifications/" + id + "/audit", null)
                .forEach(e -> audit.add(e.path("action").asText() + " " + e.path("actor").asText()));
        assertThat(audit).contains("REPORT_SUBMITTED " + driver.referent, "REPORT_APPROVED " + driver.manager,
                "CERTIFICATE_CONFIRMED council");

        // The plan's figures: year 1 reported, year 2 not yet, with the budget shared over each action's years
        JsonNode figures = driver.ok(driver.manager, "GET", "/api/certifications/" + id + "/plan/figures", null);
        JsonNode y1 = figures.path("years").get(0);
        assertThat(y1.path("reported").asBoolean()).isTrue();
        assertThat(y1.path("byState").path("DONE").asInt()).isEqualTo(2);
        assertThat(y1.path("byState").path("RESCHEDULED").asInt()).isEqualTo(1);
        assertThat(y1.path("budgetPlanned").decimalValue()).isEqualByComparingTo("1000");
        assertThat(y1.path("indicators").findValuesAsText("reached")).containsOnly("true");
        JsonNode y2 = figures.path("years").get(1);
        assertThat(y2.path("reported").asBoolean()).isFalse();
        assertThat(y2.path("byState").path("NOT_REPORTED").asInt()).isEqualTo(3);
        assertThat(y2.path("budgetPlanned").decimalValue()).isEqualByComparingTo("3000");
        assertThat(figures.path("trend")).hasSize(3);
        assertThat(figures.path("trend").get(0).path("doneShare").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void tasklistSubmitsTheReportsListsAsJsonAndGetsTheSameChecksAndRecords() throws Exception {
        long id = certifiedWithPlan();
        monitoring.open(id);
        String task = taskId(driver.referent, MonitoringProcess.COMPILE_REPORT);
        Map<String, Object> report = MonitoringValues.report(monitoring.actions(id));
        identity.setAuthentication(driver.referent, List.of(Roles.REFERENT), List.of(driver.organization));
        try {
            // A list left empty is refused with the step's message, as through our API
            Map<String, Object> empty = Map.of("actionReports", SpinValues.jsonValue("[]").create());
            assertThatThrownBy(() -> forms.submitTaskForm(task, empty)).isInstanceOf(FormValidationException.class)
                    .hasMessageContaining("Indicare lo stato di ogni azione");

            // The form's two lists as form-js submits them: JSON variables
            forms.submitTaskForm(task, Map.of(
                    "actionReports", SpinValues.jsonValue(json.writeValueAsString(report.get("actionReports"))).create(),
                    "indicatorValues", SpinValues.jsonValue(json.writeValueAsString(report.get("indicatorValues"))).create()));
        } finally {
            identity.clearAuthentication();
        }

        // The states and values are in our tables, and the engine keeps none of the lists
        assertThat(monitoring.actions(id)).allMatch(a -> a.state() == ActionState.DONE)
                .allMatch(a -> a.indicators().stream().allMatch(k -> k.measured() != null));
        assertThat(monitoring.round(id).status()).isEqualTo(RoundStatus.SUBMITTED);
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(monitoring.round(id).processInstanceId())
                .variableName("actionReports").count()).isZero();
    }

    @Test
    void whoCompiledTheReportCannotApproveIt() throws Exception {
        long id = certifiedWithPlan();
        String both = "both" + driver.organization;
        User user = identity.newUser(both);
        user.setPassword(ApiDriver.PASSWORD);
        identity.saveUser(user);
        identity.createMembership(both, Roles.REFERENT);
        identity.createMembership(both, Roles.MANAGEMENT);
        organizations.addMember(driver.organization, both);

        monitoring.open(id);
        String compile = taskId(driver.referent, MonitoringProcess.COMPILE_REPORT);
        assertThat(completeAs(both, compile, MonitoringValues.report(monitoring.actions(id))).getResponse().getStatus())
                .isEqualTo(200);
        MvcResult own = completeAs(both, taskId(driver.manager, MonitoringProcess.APPROVE_REPORT),
                MonitoringValues.approval());

        assertThat(own.getResponse().getStatus()).isEqualTo(400);
        assertThat(own.getResponse().getContentAsString()).contains("Chi ha compilato il rapporto non può approvarlo");
        driver.completeOk(driver.manager, MonitoringProcess.APPROVE_REPORT, MonitoringValues.approval());
    }

    @Test
    void correctiveMeasuresGoBackToTheReferentAndARevocationEndsTheCycle() throws Exception {
        long id = certifiedWithPlan();
        monitoring.open(id);
        // Nothing done and no reasons: the table proposes the revocation
        driver.completeOk(driver.referent, MonitoringProcess.COMPILE_REPORT,
                MonitoringValues.report(monitoring.actions(id), a -> "not-started"));
        driver.completeOk(driver.manager, MonitoringProcess.APPROVE_REPORT, MonitoringValues.approval());
        driver.completeOk("evaluator", MonitoringProcess.AUDIT_REPORT, MonitoringValues.audit("propose-revocation"));
        assertThat(monitoring.round(id).recommendation()).isEqualTo("propose-revocation");

        // The council asks for corrective measures within two months: the referent's task, due then
        LocalDate deadline = LocalDate.parse(ApiDriver.today()).plusMonths(2);
        driver.completeOk("council", MonitoringProcess.DECIDE, MonitoringValues.corrective(deadline));
        assertThat(monitoring.round(id).status()).isEqualTo(RoundStatus.CORRECTIVE);
        JsonNode measures = driver.ok(driver.referent, "GET", "/api/tasks/" + taskId(driver.referent,
                MonitoringProcess.COMPLETE_CORRECTIVE_MEASURES), null);
        assertThat(Instant.parse(measures.path("task").path("due").asText()))
                .isEqualTo(deadline.plusDays(1).atStartOfDay(EngineTime.ZONE).toInstant());
        assertThat(measures.path("values").path("requestedMeasures").asText()).contains("campo 2");

        // The referent reports them, updating two actions; the evaluator audits again; the council revokes
        Map<String, Object> taken = new HashMap<>(MonitoringValues.correctiveMeasuresTaken());
        taken.put("actionReports", MonitoringValues.report(monitoring.actions(id),
                a -> a.code().equals("1.1") ? "done" : "in-progress").get("actionReports"));
        driver.completeOk(driver.referent, MonitoringProcess.COMPLETE_CORRECTIVE_MEASURES, taken);
        driver.completeOk("evaluator", MonitoringProcess.AUDIT_REPORT, MonitoringValues.audit("propose-revocation"));
        assertThat(monitoring.round(id).actionsDone()).isEqualTo(1);
        assertThat(certificateText(id)).doesNotContain("REVOCATO");
        driver.completeOk("council", MonitoringProcess.DECIDE, MonitoringValues.decision("revoke"));

        // The certificate is revoked in the register, and the cycle ends as revoked
        JsonNode status = driver.status(id);
        assertThat(status.path("status").asText()).isEqualTo("REVOKED");
        assertThat(status.path("phase").asText()).isEqualTo("REVOKED");
        assertThat(status.path("certificate").path("status").asText()).isEqualTo("REVOKED");
        assertThat(certificateText(id)).contains("CERTIFICATO REVOCATO / CERTIFICATE REVOKED");
        assertThat(status.path("openTasks")).isEmpty();
        List<String> actions = driver.ok(driver.referent, "GET", "/api/certifications/" + id + "/audit", null)
                .findValuesAsText("action");
        assertThat(actions).contains("CERTIFICATE_REVOKED", "CERTIFICATION_ENDED");
        JsonNode rounds = monitoring.monitoring(driver.referent, id).path("rounds");
        assertThat(rounds).hasSize(1);
        assertThat(rounds.get(0).path("status").asText()).isEqualTo("REVOKED");
        // The evaluator's access ended with the cycle
        assertThat(driver.call("evaluator", "GET", "/api/certifications/" + id, null).getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void anOverdueReportRemindsTheReferentThenIsEscalatedToTheAgency() throws Exception {
        long id = certifiedWithPlan();
        var round = monitoring.open(id);

        // The day after the report was due, the daily check reminds the referent: the inbox shows it
        MonitoringApiDriver.moveClockTo(round.reportDue().plusDays(2));
        monitoring.executeJobs();
        assertThat(alertOf(driver.referent, MonitoringProcess.COMPILE_REPORT)).isEqualTo("REMINDER");
        assertThat(driver.status(id).path("timeline").findValuesAsText("kind")).contains("TASK_REMINDER");

        // Past the grace period too, it is escalated: the agency gets a task with the list
        MonitoringApiDriver.moveClockTo(round.reportDue().plusDays(20));
        monitoring.executeJobs();
        assertThat(alertOf(driver.referent, MonitoringProcess.COMPILE_REPORT)).isEqualTo("ESCALATION");
        JsonNode escalation = driver.ok("agency", "GET", "/api/tasks/" + taskId("agency",
                MonitoringProcess.HANDLE_ESCALATION), null);
        assertThat(escalation.path("values").path("escalatedTasks").asText()).contains("Compilare il rapporto");
        driver.completeOk("agency", MonitoringProcess.HANDLE_ESCALATION, MonitoringValues.escalationHandled());

        // The monitoring shows both alerts, the escalation handled by the agency, each raised once
        JsonNode alerts = monitoring.monitoring("agency", id).path("alerts");
        assertThat(alerts.findValuesAsText("kind")).containsExactly("REMINDER", "ESCALATION");
        assertThat(alerts.get(1).path("handledBy").asText()).isEqualTo("agency");
        List<String> audit = driver.ok("agency", "GET", "/api/certifications/" + id + "/audit", null)
                .findValuesAsText("action");
        assertThat(audit.stream().filter("TASK_ESCALATED"::equals)).hasSize(1);

        // A report that came in late is recommended for confirmation with remarks
        driver.completeOk(driver.referent, MonitoringProcess.COMPILE_REPORT, MonitoringValues.report(monitoring.actions(id)));
        driver.completeOk(driver.manager, MonitoringProcess.APPROVE_REPORT, MonitoringValues.approval());
        driver.completeOk("evaluator", MonitoringProcess.AUDIT_REPORT, MonitoringValues.audit("confirm"));
        assertThat(monitoring.round(id).reportOnTime()).isFalse();
        assertThat(monitoring.round(id).recommendation()).isEqualTo("confirm-with-remarks");
    }

    @Test
    void threeConfirmedYearsLeadToTheExecutiveThenMaintenanceThenConsolidation() throws Exception {
        long id = certifiedWithPlan();
        for (int year = 1; year <= 3; year++) {
            monitoring.runRound(id, "confirm");
        }
        // Year 2 reported 1.2, 2.1 and 3.1; year 3 only 3.1 (nothing carried over: all done)
        assertThat(rounds.rounds(id)).extracting(MonitoringRound::status).containsOnly(RoundStatus.CONFIRMED);

        // The council recognises the plan as carried out: the Executive is issued and the cycle ends
        JsonNode recognise = driver.ok("council", "GET", "/api/tasks/" + taskId("council",
                "RecognisePlanCarriedOutTask"), null);
        assertThat(recognise.path("values").path("roundsSummary").asText()).contains("Anno 3: Certificato confermato");
        MvcResult notTicked = driver.complete("council", "RecognisePlanCarriedOutTask",
                Map.of("planCarriedOut", false, "decisionDate", ApiDriver.today(), "motivation", "Piano attuato"));
        assertThat(notTicked.getResponse().getStatus()).isEqualTo(400);
        driver.completeOk("council", "RecognisePlanCarriedOutTask", MonitoringValues.recognition());
        JsonNode status = driver.status(id);
        assertThat(status.path("status").asText()).isEqualTo("EXECUTIVE");
        assertThat(status.path("executiveCertificate").path("number").asText()).matches("FA-\\d{4}-\\d{4}")
                .isNotEqualTo(status.path("certificate").path("number").asText());
        MvcResult pdf = driver.call(driver.referent, "GET", "/api/certifications/" + id + "/executive-certificate.pdf", null);
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");

        // Consolidation comes only after a maintenance
        MvcResult early = driver.call(driver.referent, "POST", "/api/certifications", Map.of("kind", "CONSOLIDATION"));
        assertThat(early.getResponse().getStatus()).isEqualTo(409);
        assertThat(early.getResponse().getContentAsString()).contains("Il consolidamento segue un ciclo di mantenimento");

        // Maintenance: new application and fee, the evaluator, then the Executive confirmed each year
        long maintenance = driver.ok(driver.referent, "POST", "/api/certifications", Map.of("kind", "MAINTENANCE"))
                .path("id").asLong();
        assertThat(driver.status(maintenance).path("kind").asText()).isEqualTo("MAINTENANCE");
        driver.completeOk(driver.referent, "SubmitApplicationTask", ApiDriver.application(40));
        driver.completeOk("agency", "RecordPaymentTask", ApiDriver.payment(400));
        driver.completeOk("agency", "AssignEvaluatorTask", Map.of("evaluatorId", "evaluator2"));
        monitoring.open(maintenance);
        // It reports on the plan of the cycle before, every action due
        assertThat(monitoring.actions(maintenance)).hasSize(4).allMatch(ReportedAction::due);
        driver.completeOk(driver.referent, MonitoringProcess.COMPILE_REPORT,
                MonitoringValues.report(monitoring.actions(maintenance)));
        driver.completeOk(driver.manager, MonitoringProcess.APPROVE_REPORT, MonitoringValues.approval());
        driver.completeOk("evaluator2", MonitoringProcess.AUDIT_REPORT, MonitoringValues.audit("confirm"));
        driver.completeOk("council", MonitoringProcess.DECIDE, MonitoringValues.decision("confirm"));
        JsonNode confirmed = monitoring.monitoring(driver.referent, maintenance);
        assertThat(confirmed.path("certificate").path("kind").asText()).isEqualTo("EXECUTIVE");
        monitoring.runRoundAs(maintenance, "evaluator2");
        monitoring.runRoundAs(maintenance, "evaluator2");
        assertThat(driver.status(maintenance).path("status").asText()).isEqualTo("EXECUTIVE");

        // After the maintenance, consolidation may start
        JsonNode consolidation = driver.ok(driver.referent, "POST", "/api/certifications", Map.of("kind", "CONSOLIDATION"));
        assertThat(consolidation.path("kind").asText()).isEqualTo("CONSOLIDATION");
    }

    @Test
    void maintenanceIsRefusedWithoutAnExecutive() throws Exception {
        MvcResult refused = driver.call(driver.referent, "POST", "/api/certifications", Map.of("kind", "MAINTENANCE"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(refused.getResponse().getContentAsString())
                .contains("Il mantenimento richiede un certificato Family Audit Executive valido");
        MvcResult unknown = driver.call(driver.referent, "POST", "/api/certifications", Map.of("kind", "RENEWAL"));
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aWithdrawalDuringTheMonitoringEndsTheRoundAndTheCertificate() throws Exception {
        long id = certifiedWithPlan();
        monitoring.open(id);
        driver.ok(driver.referent, "POST", "/api/certifications/" + id + "/withdrawal", Map.of("reason", "Fusione di comuni"));
        JsonNode status = driver.status(id);
        assertThat(status.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(status.path("certificate").path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(status.path("openTasks")).isEmpty();
        assertThat(taskIds(driver.referent)).isEmpty();
    }

    /** As a user this test made, whose password the driver does not know. */
    private MvcResult completeAs(String user, String taskId, Map<String, Object> values) throws Exception {
        return mvc.perform(post("/api/tasks/" + taskId + "/completion").with(httpBasic(user, ApiDriver.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(values))).andReturn();
    }

    private String alertOf(String user, String taskKey) throws Exception {
        for (JsonNode t : driver.ok(user, "GET", "/api/tasks?size=200", null).path("tasks")) {
            if (t.path("taskKey").asText().equals(taskKey) && t.path("organizationCode").asText().equals(driver.organization)) {
                return t.path("alert").asText(null);
            }
        }
        throw new AssertionError("No " + taskKey);
    }

    private List<String> taskIds(String user) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode t : driver.ok(user, "GET", "/api/tasks?size=200", null).path("tasks")) {
            if (t.path("organizationCode").asText().equals(driver.organization)) {
                ids.add(t.path("id").asText());
            }
        }
        return ids;
    }

    /** The certificate's PDF as the organisation downloads it, as text. */
    private String certificateText(long id) throws Exception {
        byte[] pdf = driver.call(driver.referent, "GET", "/api/certifications/" + id + "/certificate.pdf", null)
                .getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
