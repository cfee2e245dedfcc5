package it.familyaudit.workflow.audit;

import static it.familyaudit.workflow.support.ApiDriver.approval;
import static it.familyaudit.workflow.support.ApiDriver.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Every listed event is written once, with the right actor, and read only by those who may. */
class AuditTrailTest extends ApiTestBase {

    private List<JsonNode> events(String user, long certification) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        driver.ok(user, "GET", "/api/certifications/" + certification + "/audit", null).forEach(events::add);
        return events;
    }

    /** A new cycle up to the working group's plan drafting. */
    private long toPlanDrafting() throws Exception {
        long id = driver.start();
        driver.completeOk(driver.referent, "SubmitApplicationTask", ApiDriver.application(10));
        driver.completeOk("agency", "RecordPaymentTask", ApiDriver.payment(100));
        driver.completeOk("agency", "AssignProfessionalsTask", ApiDriver.professionals("consultant", "evaluator"));
        driver.completeOk("consultant", "RecordKickoffWorkshopTask", ApiDriver.kickoff(LocalDate.parse(ApiDriver.today())));
        driver.completeOk(driver.manager, "FormWorkingGroupTask", ApiDriver.workingGroup());
        driver.runNeedsQuestionnaire();
        return id;
    }

    private static List<JsonNode> of(List<JsonNode> events, String action) {
        return events.stream().filter(e -> e.path("action").asText().equals(action)).toList();
    }

    @Test
    void aWholeCycleRecordsEachEventOnceWithWhoDidIt() throws Exception {
        long id = driver.runToCertificate();
        List<JsonNode> events = events(driver.referent, id);

        assertThat(of(events, "CERTIFICATION_STARTED")).singleElement()
                .satisfies(e -> assertThat(e.path("actor").asText()).isEqualTo(driver.referent));
        Map<String, String> completedBy = new HashMap<>();
        of(events, "TASK_COMPLETED").forEach(e ->
                completedBy.merge(e.path("subject").asText().split(" ")[0], e.path("actor").asText(), (a, b) -> a + "," + b));
        assertThat(completedBy).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SubmitApplicationTask", driver.referent,
                "RecordPaymentTask", "agency",
                "AssignProfessionalsTask", "agency",
                "RecordKickoffWorkshopTask", "consultant",
                "FormWorkingGroupTask", driver.manager,
                "OpenQuestionnaireCampaignTask", driver.referent,
                "DraftPlanTask", driver.workingGroup,
                "ApprovePlanTask", driver.manager,
                "RecordEvaluationVisitTask", "evaluator",
                "DecideCertificationTask", "council"));
        assertThat(of(events, "PLAN_SUBMITTED")).singleElement()
                .satisfies(e -> assertThat(e.path("actor").asText()).isEqualTo(driver.workingGroup));
        assertThat(of(events, "PLAN_APPROVED")).singleElement()
                .satisfies(e -> assertThat(e.path("actor").asText()).isEqualTo(driver.manager));
        assertThat(of(events, "REPORT_SUBMITTED")).singleElement()
                .satisfies(e -> assertThat(e.path("actor").asText()).isEqualTo("evaluator"));
        assertThat(of(events, "CERTIFICATE_ISSUED")).singleElement().satisfies(e -> {
            assertThat(e.path("actor").asText()).isEqualTo("council");
            assertThat(e.path("subject").asText()).matches("FA-\\d{4}-\\d{4}");
        });
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("certificationId").asLong()).isEqualTo(id);
            assertThat(e.path("organizationCode").asText()).isEqualTo(driver.organization);
        });
        // The decision is part of the record.
        assertThat(of(events, "TASK_COMPLETED")).anySatisfy(e -> assertThat(e.path("detail").asText()).startsWith("grant"));
    }

    @Test
    void changesRequestedAreRecordedAndTheCsvNeverRunsAFormula() throws Exception {
        long id = toPlanDrafting();
        Map<String, Object> risky = new HashMap<>(ApiDriver.smallPlan());
        risky.put("title", "=HYPERLINK(\"http://example.invalid\";\"x\")");
        driver.ok(driver.workingGroup, "PUT", "/api/certifications/" + id + "/plan/draft", risky);
        driver.completeOk(driver.workingGroup, "DraftPlanTask", plan());
        driver.completeOk(driver.manager, "ApprovePlanTask",
                Map.of("planDecision", "changes", "requestedChanges", "Più azioni sul lavoro agile"));

        assertThat(of(events(driver.manager, id), "PLAN_CHANGES_REQUESTED")).singleElement()
                .satisfies(e -> assertThat(e.path("detail").asText()).isEqualTo("Più azioni sul lavoro agile"));

        MvcResult csv = mvc.perform(get("/api/certifications/" + id + "/audit.csv")
                .with(httpBasic(driver.referent, ApiDriver.PASSWORD))).andReturn();
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid;data e ora;utente;azione;");
        assertThat(text).contains("'=HYPERLINK").doesNotContain(";=HYPERLINK").doesNotContain(";\"=HYPERLINK");
        assertThat(text).contains("PLAN_SUBMITTED;Piano presentato");
    }

    @Test
    void onlyThoseWhoSeeTheCertificationReadItsTrail() throws Exception {
        long id = driver.start();
        ApiDriver other = new ApiDriver(mvc, json, identity, organizations, management);
        assertThat(other.call(other.referent, "GET", "/api/certifications/" + id + "/audit", null)
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/certifications/" + id + "/audit")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        // The consultant sees it only once assigned to it.
        assertThat(driver.call("consultant", "GET", "/api/certifications/" + id + "/audit", null)
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(driver.call("agency", "GET", "/api/certifications/" + id + "/audit", null)
                .getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void roleChangesAndFailedLoginsAreRecordedWhoeverMakesThem() throws Exception {
        identity.setAuthentication("admin", List.of("camunda-admin"));
        try {
            identity.createMembership(driver.workingGroup, "management");
        } finally {
            identity.clearAuthentication();
        }
        int status = mvc.perform(get("/api/tasks").with(httpBasic(driver.referent, "wrong password")))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(401);

        String today = ApiDriver.today();
        // Every page of today's events: the suite's other tests write many more than one page.
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        for (JsonNode page; (page = driver.ok("agency", "GET", "/api/audit?from=" + today + "&to=" + today
                + "&size=1000&after=" + after, null)).size() > 0; ) {
            page.forEach(events::add);
            after = page.get(page.size() - 1).path("id").asLong();
        }
        assertThat(of(events, "ROLE_GRANTED")).filteredOn(e -> e.path("subject").asText().equals(driver.workingGroup)
                        && e.path("detail").asText().equals("ruolo management"))
                .singleElement().satisfies(e -> assertThat(e.path("actor").asText()).isEqualTo("admin"));
        assertThat(of(events, "LOGIN_FAILED")).filteredOn(e -> e.path("subject").asText().equals(driver.referent))
                .singleElement().satisfies(e -> assertThat(e.path("actor").asText()).isEqualTo(driver.referent));
        assertThat(of(events, "ORGANISATION_MEMBER_ADDED"))
                .anySatisfy(e -> assertThat(e.path("organizationCode").asText()).isEqualTo(driver.organization));

        // The referent is throttled after the failed login (Camunda delays the next check): ask as management.
        assertThat(driver.call(driver.manager, "GET", "/api/audit?from=" + today + "&to=" + today, null)
                .getResponse().getStatus()).isEqualTo(403);
        MvcResult csv = mvc.perform(get("/api/audit/export.csv?from=" + today + "&to=" + today)
                .with(httpBasic("agency", "agency-demo"))).andReturn();
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("LOGIN_FAILED;Accesso non riuscito");
    }

    @Test
    void aBadPeriodIsAClearBadRequest() throws Exception {
        for (String query : List.of("", "?from=2026-01-02", "?from=ieri&to=oggi", "?from=2026-02-01&to=2026-01-01",
                "?from=2026-01-01&to=2026-01-02&size=0", "?from=2026-01-01&to=2026-01-02&size=abc")) {
            MvcResult r = driver.call("agency", "GET", "/api/audit" + query, null);
            assertThat(r.getResponse().getStatus()).as(query).isEqualTo(400);
            assertThat(r.getResponse().getContentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void anApprovalIsRecordedOnce() throws Exception {
        // A second look at the same approval: a retried completion answers 409 and writes nothing.
        long id = toPlanDrafting();
        driver.submitPlan();
        String task = driver.taskId(driver.manager, "ApprovePlanTask");
        assertThat(driver.call(driver.manager, "POST", "/api/tasks/" + task + "/completion", approval())
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(driver.call(driver.manager, "POST", "/api/tasks/" + task + "/completion", approval())
                .getResponse().getStatus()).isEqualTo(409);
        assertThat(of(events(driver.manager, id), "PLAN_APPROVED")).hasSize(1);
    }
}
