package it.familyaudit.workflow.plan;

import static it.familyaudit.workflow.support.ApiDriver.approval;
import static it.familyaudit.workflow.support.ApiDriver.evaluation;
import static it.familyaudit.workflow.support.ApiDriver.plan;
import static it.familyaudit.workflow.support.ApiDriver.smallPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import it.familyaudit.workflow.engine.FormValidationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** The action plan through the API: the draft, the drafting task, approval, versions and revisions. */
class PlanApiTest extends ApiTestBase {

    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    PlanRepository plans;

    // --- The draft --------------------------------------------------------------------------------

    @Test
    void draftingStartsFromAnEmptyDraftWithTheStandardsSixFieldsAndTheTaskSaysWhatIsMissing() throws Exception {
        long id = toPlanDrafting();

        JsonNode current = driver.ok(driver.workingGroup, "GET", planUrl(id), null);
        assertThat(current.path("version").path("versionNo").asInt()).isEqualTo(1);
        assertThat(current.path("version").path("status").asText()).isEqualTo("DRAFT");
        assertThat(current.path("fields")).hasSize(6);
        assertThat(current.path("actions")).isEmpty();
        assertThat(fields(current.path("problems"))).containsExactly("actions");

        assertThat(planCheck()).contains("non ha ancora azioni");
    }

    @Test
    void aSavedDraftComesBackAsSentAndTheFormsCheckFollowsIt() throws Exception {
        long id = toPlanDrafting();

        JsonNode saved = driver.draftPlan(id);
        assertThat(saved.path("problems")).isEmpty();
        assertThat(saved.path("title").asText()).isEqualTo("Piano Family Audit");
        JsonNode action = saved.path("actions").get(0);
        assertThat(action.path("code").asText()).isEqualTo("1.1");
        assertThat(action.path("years").toString()).isEqualTo("[1,2]");
        assertThat(action.path("budget").decimalValue()).isEqualByComparingTo("1500");
        assertThat(action.path("indicators").get(0).path("targetYear2").asInt()).isEqualTo(35);
        assertThat(driver.ok("agency", "GET", planUrl(id), null).path("actions")).isEqualTo(saved.path("actions"));

        // Our API works the check out afresh; Tasklist reads the task-local variable kept with each save.
        assertThat(planCheck()).contains("è completo").contains("2 azioni");
        String task = driver.taskId(driver.workingGroup, "DraftPlanTask");
        assertThat((String) tasks.getVariableLocal(task, "planCheck")).contains("è completo");
    }

    @Test
    void aFieldsOwnBudgetAndTheYearsOfAnIndicatorAreKeptAndCheckedLikeTheRest() throws Exception {
        long id = toPlanDrafting();
        Map<String, Object> plan = new HashMap<>(smallPlan());
        plan.put("fields", List.of(
                Map.of("code", "1", "name", "Organizzazione del lavoro", "budget", "3000.50",
                        "fundingLine", "PIAO 2026, obiettivo 4"),
                Map.of("code", "2", "name", "Comunicazione")));
        plan.put("actions", List.of(Map.of("code", "1.1", "fieldCode", "1", "title", "Benessere organizzativo",
                "years", List.of(1, 2, 3), "indicators", List.of(Map.of("name", "Benessere percepito", "unit", "%",
                        "baseline", 40, "targetYear3", 60, "years", List.of(3))))));

        JsonNode saved = driver.ok(driver.workingGroup, "PUT", draft(id), plan);

        assertThat(saved.path("fields").get(0).path("budget").decimalValue()).isEqualByComparingTo("3000.50");
        assertThat(saved.path("fields").get(0).path("fundingLine").asText()).isEqualTo("PIAO 2026, obiettivo 4");
        assertThat(saved.path("fields").get(1).path("budget").isNumber()).as("no money of its own").isFalse();
        assertThat(saved.path("actions").get(0).path("indicators").get(0).path("years").toString()).isEqualTo("[3]");
        long versionId = plans.draft(id).orElseThrow().id();
        PlanContent stored = plans.content(versionId);
        assertThat(stored.fields().get(0).budget()).isEqualByComparingTo("3000.50");
        assertThat(stored.actions().get(0).indicators().get(0).years()).containsExactly(3);

        plan.put("fields", List.of(Map.of("code", "1", "name", "Organizzazione del lavoro", "budget", "12.345"),
                Map.of("code", "2", "name", "Comunicazione", "budget", 100, "colour", "red")));
        plan.put("actions", List.of(Map.of("code", "1.1", "fieldCode", "1", "title", "Benessere organizzativo",
                "years", List.of(1, 2), "indicators", List.of(Map.of("name", "Benessere percepito",
                        "targetYear1", 50, "years", List.of(2, 3))))));
        MvcResult refused = driver.call(driver.workingGroup, "PUT", draft(id), plan);

        assertThat(status(refused)).isEqualTo(400);
        JsonNode problem = json.readTree(refused.getResponse().getContentAsByteArray());
        assertThat(fields(problem.path("errors"))).containsExactlyInAnyOrder("fields[0].budget", "fields[1].colour",
                "fields[1].fundingLine", "actions[0].indicators[0].years", "actions[0].indicators[0].targetYear1");
        assertThat(plans.content(versionId).fields().get(0).budget()).as("nothing saved")
                .isEqualByComparingTo("3000.50");
    }

    @Test
    void theAssignedConsultantAndTheReferentMayEditTheDraftManagementMayNot() throws Exception {
        long id = toPlanDrafting();
        // The draft opened with the drafting task (when the questionnaire closed); edits do not change that.
        String openedBy = driver.ok(driver.manager, "GET", planUrl(id), null).path("version").path("createdBy").asText();
        assertThat(status(driver.call("consultant", "PUT", draft(id), smallPlan()))).isEqualTo(200);
        assertThat(status(driver.call(driver.referent, "PUT", draft(id), smallPlan()))).isEqualTo(200);
        assertThat(status(driver.call(driver.manager, "PUT", draft(id), smallPlan()))).isEqualTo(403);
        assertThat(status(driver.call("consultant2", "PUT", draft(id), smallPlan()))).isEqualTo(404);
        JsonNode version = driver.ok(driver.manager, "GET", planUrl(id), null).path("version");
        assertThat(version.path("createdBy").asText()).isNotBlank().isEqualTo(openedBy);
        assertThat(version.path("versionNo").asInt()).isEqualTo(1);
    }

    @Test
    void everyMistakeOfADraftIsAFieldErrorOfOneAnswerAndNothingIsSaved() throws Exception {
        long id = toPlanDrafting();
        driver.draftPlan(id);
        Map<String, Object> bad = new HashMap<>();
        bad.put("title", 5);
        bad.put("fieldsMandatory", "sì");
        bad.put("fields", List.of(Map.of("code", "1", "name", "Organizzazione"), Map.of("code", "1", "name", ""),
                Map.of("code", "A", "name", "Altro")));
        bad.put("actions", List.of(
                Map.of("code", "1.1", "fieldCode", "1", "title", "Orari", "years", List.of(1, 4),
                        "budget", -5, "indicators", List.of(Map.of("name", "Ore", "targetYear3", 10))),
                Map.of("code", "1.1", "fieldCode", "9", "title", "Doppia", "years", List.of(),
                        "budget", "1500.555", "fundingLine", "Bilancio"),
                Map.of("code", "x.1", "title", "", "years", List.of("uno"), "budget", 2000,
                        "deadline", "31/12/2027", "indicators", List.of(Map.of("unit", "n.", "targetYear4", 3,
                                "baseline", "molti"))),
                Map.of("code", "2.1", "fieldCode", "1", "title", "t".repeat(301), "years", List.of(2),
                        "description", "ok\u0007")));
        MvcResult result = driver.call(driver.workingGroup, "PUT", draft(id), bad);

        assertThat(status(result)).isEqualTo(400);
        JsonNode body = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(fields(body.path("errors"))).contains(
                "title", "fieldsMandatory", "fields[1].code", "fields[1].name", "fields[2].code",
                "actions[0].years", "actions[0].budget", "actions[0].indicators[0].targetYear3",
                "actions[1].code", "actions[1].fieldCode", "actions[1].years", "actions[1].budget",
                "actions[2].code", "actions[2].fieldCode", "actions[2].title", "actions[2].years[0]",
                "actions[2].fundingLine", "actions[2].deadline", "actions[2].indicators[0].name",
                "actions[2].indicators[0].targetYear4", "actions[2].indicators[0].baseline",
                "actions[3].title", "actions[3].description");
        assertThat(body.path("errors").toString()).contains("Al massimo 2 decimali")
                .contains("L'azione non si svolge nell'anno 3").contains("è già usato");
        assertThat(driver.ok(driver.workingGroup, "GET", planUrl(id), null).path("actions")).hasSize(2);
    }

    @Test
    void aBodyThatIsNoPlanIsRefusedPlainlyNeverWithAServerError() throws Exception {
        long id = toPlanDrafting();
        for (String body : List.of("", "[]", "\"piano\"", "{", "{\"title\": \"x\"} {}", "{\"actions\": {}}",
                "{\"actions\": [1, \"a\"]}", "{\"fields\": null, \"actions\": [{\"indicators\": 3, \"years\": 2}]}",
                "{\"actions\": [{\"budget\": 1e999999999, \"indicators\": [{\"baseline\": 1e-999999999}]}]}")) {
            MvcResult r = raw(id, body.getBytes(StandardCharsets.UTF_8));
            assertThat(status(r)).as(body).isEqualTo(400);
            assertThat(r.getResponse().getContentType()).as(body).startsWith("application/problem+json");
        }
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= PlanRules.MAX_ACTIONS; i++) {
            tooMany.add(Map.of("code", "1." + i));
        }
        MvcResult many = driver.call(driver.workingGroup, "PUT", draft(id), Map.of("title", "x", "actions", tooMany));
        assertThat(status(many)).isEqualTo(400);
        assertThat(many.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Al massimo 1000");

        byte[] huge = ("{\"title\": \"" + "x".repeat(PlanController.MAX_BODY_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(status(raw(id, huge))).isEqualTo(413);
    }

    @Test
    void twoSavesAtOnceDoNotMixTheirPlans() throws Exception {
        long id = toPlanDrafting();
        Map<String, Object> other = new HashMap<>(smallPlan());
        other.put("title", "Piano alternativo");
        other.put("fieldsMandatory", false);
        other.put("actions", List.of(Map.of("code", "2.7", "fieldCode", "2", "title", "Newsletter", "years", List.of(3),
                "indicators", List.of(Map.of("name", "Numeri usciti", "targetYear3", 4)))));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> saves = new ArrayList<>();
            for (Map<String, Object> body : List.of(smallPlan(), other)) {
                Callable<Integer> save = () -> {
                    go.await();
                    return status(driver.call(driver.workingGroup, "PUT", draft(id), body));
                };
                saves.add(pool.submit(save));
            }
            go.countDown();
            for (Future<Integer> save : saves) {
                assertThat(save.get()).isIn(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode now = driver.ok(driver.workingGroup, "GET", planUrl(id), null);
        List<String> codes = new ArrayList<>();
        now.path("actions").forEach(a -> codes.add(a.path("code").asText()));
        if (now.path("title").asText().equals("Piano alternativo")) {
            assertThat(codes).containsExactly("2.7");
        } else {
            assertThat(codes).containsExactly("1.1", "2.1");
        }
    }

    // --- The drafting task --------------------------------------------------------------------------

    @Test
    void theDraftingTaskWillNotSubmitAnIncompletePlanAndNamesEveryGapAtOnce() throws Exception {
        long id = toPlanDrafting();
        Map<String, Object> incomplete = new HashMap<>(smallPlan());
        incomplete.put("fields", List.of(Map.of("code", "1", "name", "Organizzazione del lavoro"),
                Map.of("code", "2", "name", "Comunicazione"), Map.of("code", "3", "name", "Welfare")));
        incomplete.put("actions", List.of(
                Map.of("code", "1.1", "fieldCode", "1", "title", "Orari", "years", List.of(1),
                        "indicators", List.of(Map.of("name", "Ore flessibili"))),
                Map.of("code", "2.1", "fieldCode", "2", "title", "Bacheca", "years", List.of(2))));
        JsonNode saved = driver.ok(driver.workingGroup, "PUT", draft(id), incomplete);
        assertThat(fields(saved.path("problems")))
                .containsExactlyInAnyOrder("fields[2]", "actions[0].indicators[0]", "actions[1].indicators");

        // The check is shown, never taken: claiming all is well changes nothing.
        MvcResult refused = driver.complete(driver.workingGroup, "DraftPlanTask", Map.of("planCheck", "Tutto a posto"));
        assertThat(status(refused)).isEqualTo(400);
        JsonNode errors = json.readTree(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("errors");
        assertThat(fields(errors)).containsExactlyInAnyOrder("planSummary", "fields[2]", "actions[0].indicators[0]",
                "actions[1].indicators");
        assertThat(errors.toString()).contains("«Welfare» non ha azioni").contains("L'azione 2.1 non ha indicatori");
        assertThat(planCheck()).contains("«Welfare» non ha azioni").contains("Ore flessibili");

        driver.draftPlan(id);
        driver.completeOk(driver.workingGroup, "DraftPlanTask", Map.of("planSummary", "Sintesi"));
        JsonNode submitted = driver.ok(driver.manager, "GET", planUrl(id), null).path("version");
        assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.path("submittedBy").asText()).isEqualTo(driver.workingGroup);
        assertThat(submitted.path("actionsCount").asInt()).isEqualTo(2);
        assertThat(submitted.path("summary").asText()).isEqualTo("Sintesi");
    }

    @Test
    void tasklistsWayInRefusesAnIncompletePlanAndSubmitsACompleteOne() throws Exception {
        long id = toPlanDrafting();
        String task = driver.taskId(driver.workingGroup, "DraftPlanTask");
        Map<String, Object> form = Map.of("planSummary", "Sintesi", "planCheck", "Tutto a posto");

        identity.setAuthentication(driver.workingGroup, List.of("working-group"), List.of(driver.organization));
        try {
            assertThatThrownBy(() -> forms.submitTaskForm(task, form)).isInstanceOf(FormValidationException.class)
                    .hasMessageContaining("actions: Il piano non ha ancora azioni");
        } finally {
            identity.clearAuthentication();
        }
        driver.draftPlan(id);
        identity.setAuthentication(driver.workingGroup, List.of("working-group"), List.of(driver.organization));
        try {
            forms.submitTaskForm(task, form);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(plans.versions(id)).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(PlanStatus.SUBMITTED);
            assertThat(v.submittedBy()).isEqualTo(driver.workingGroup);
        });
    }

    @Test
    void aSubmittedPlanIsFrozenAndCannotBeSubmittedTwice() throws Exception {
        long id = toPlanDrafting();
        driver.draftPlan(id);
        String task = driver.taskId(driver.workingGroup, "DraftPlanTask");
        String completion = "/api/tasks/" + task + "/completion";
        assertThat(status(driver.call(driver.workingGroup, "POST", completion, plan()))).isEqualTo(200);
        assertThat(status(driver.call(driver.workingGroup, "POST", completion, plan()))).isEqualTo(409);
        String approval = driver.taskId(driver.manager, "ApprovePlanTask");
        assertThat(driver.ok(driver.manager, "GET", "/api/tasks/" + approval, null).path("values")
                .path("planSubmitted").asText()).contains("Versione 1 «Piano Family Audit», 2 azioni");

        MvcResult save = driver.call(driver.workingGroup, "PUT", draft(id), smallPlan());
        assertThat(status(save)).isEqualTo(409);
        assertThat(save.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Approvazione del piano");
        // Management decides through its task while the cycle runs, not through the revisions' endpoint.
        assertThat(status(driver.call(driver.manager, "POST", planUrl(id) + "/versions/1/decision",
                Map.of("decision", "approve", "signatoryName", "Marco Rossi")))).isEqualTo(409);
        assertThat(plans.versions(id)).extracting(PlanVersion::status).containsExactly(PlanStatus.SUBMITTED);
    }

    // --- Versions ---------------------------------------------------------------------------------------

    @Test
    void aPlanSentBackReopensAsACopyOfThatVersionAndEveryVersionStaysReadable() throws Exception {
        long id = toPlanDrafting();
        driver.submitPlan();
        driver.completeOk(driver.manager, "ApprovePlanTask",
                Map.of("planDecision", "changes", "requestedChanges", "Un'azione per il welfare"));

        JsonNode copy = driver.ok(driver.workingGroup, "GET", planUrl(id), null);
        assertThat(copy.path("version").path("versionNo").asInt()).isEqualTo(2);
        assertThat(copy.path("version").path("status").asText()).isEqualTo("DRAFT");
        assertThat(copy.path("version").path("basedOnVersion").asInt()).isEqualTo(1);
        JsonNode first = driver.ok(driver.workingGroup, "GET", planUrl(id) + "/versions/1", null);
        assertThat(copy.path("actions")).isEqualTo(first.path("actions"));
        assertThat(first.path("version").path("status").asText()).isEqualTo("CHANGES_REQUESTED");
        assertThat(first.path("version").path("decisionNote").asText()).isEqualTo("Un'azione per il welfare");

        MvcResult noNote = driver.complete(driver.workingGroup, "DraftPlanTask", Map.of("planSummary", "Sintesi"));
        assertThat(status(noNote)).isEqualTo(400);
        assertThat(noNote.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("changeNote");
        driver.completeOk(driver.workingGroup, "DraftPlanTask", plan());
        driver.completeOk(driver.manager, "ApprovePlanTask", approval());

        JsonNode history = driver.ok("agency", "GET", planUrl(id) + "/versions", null);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("status").asText()).isEqualTo("CHANGES_REQUESTED");
        assertThat(history.get(1).path("status").asText()).isEqualTo("APPROVED");
        assertThat(history.get(1).path("changeNote").asText()).isEqualTo(plan().get("changeNote"));
        assertThat(history.get(1).path("decidedBy").asText()).isEqualTo(driver.manager);
        assertThat(history.get(1).path("signatoryName").asText()).isEqualTo("Marco Rossi");
        assertThat(status(driver.call("agency", "GET", planUrl(id) + "/versions/3", null))).isEqualTo(404);
    }

    @Test
    void anIntegrationAskedByTheEvaluatorStartsFromTheApprovedPlan() throws Exception {
        long id = toPlanDrafting();
        driver.submitPlan();
        driver.completeOk(driver.manager, "ApprovePlanTask", approval());
        Map<String, Object> integration = new HashMap<>(evaluation("integration"));
        integration.put("integrationRequests", "Precisare i tempi");
        driver.completeOk("evaluator", "RecordEvaluationVisitTask", integration);

        JsonNode copy = driver.ok(driver.workingGroup, "GET", planUrl(id), null);
        assertThat(copy.path("version").path("versionNo").asInt()).isEqualTo(2);
        assertThat(copy.path("version").path("basedOnVersion").asInt()).isEqualTo(1);
        assertThat(copy.path("actions")).isEqualTo(
                driver.ok(driver.workingGroup, "GET", planUrl(id) + "/versions/1", null).path("actions"));
        assertThat(copy.path("problems")).isEmpty();
    }

    // --- Revisions after the certificate ---------------------------------------------------------------

    @Test
    void afterTheCertificateARevisionIsOpenedEditedSubmittedAndApprovedBySomeoneElse() throws Exception {
        long id = driver.runToCertificate();
        assertThat(status(driver.call(driver.workingGroup, "PUT", draft(id), smallPlan()))).isEqualTo(409);

        MvcResult opened = driver.call(driver.workingGroup, "POST", planUrl(id) + "/revisions", null);
        assertThat(status(opened)).isEqualTo(201);
        assertThat(opened.getResponse().getHeader("Location")).endsWith("/plan/versions/2");
        assertThat(status(driver.call(driver.referent, "POST", planUrl(id) + "/revisions", null))).isEqualTo(409);

        Map<String, Object> revised = new HashMap<>(smallPlan());
        List<Object> actions = new ArrayList<>((List<?>) revised.get("actions"));
        actions.add(Map.of("code", "2.2", "fieldCode", "2", "title", "Intranet per tutti", "years", List.of(2, 3),
                "indicators", List.of(Map.of("name", "Accessi mensili", "targetYear2", 200, "targetYear3", 400))));
        revised.put("actions", actions);
        assertThat(driver.ok(driver.workingGroup, "PUT", draft(id), revised).path("actions")).hasSize(3);

        MvcResult noNote = driver.call(driver.workingGroup, "POST", planUrl(id) + "/revisions/submit", Map.of());
        assertThat(status(noNote)).isEqualTo(400);
        assertThat(noNote.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("changeNote");
        JsonNode submitted = driver.ok(driver.workingGroup, "POST", planUrl(id) + "/revisions/submit",
                Map.of("changeNote", "Aggiunta l'intranet"));
        assertThat(submitted.path("version").path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.path("version").path("actionsCount").asInt()).isEqualTo(3);
        assertThat(status(driver.call(driver.workingGroup, "PUT", draft(id), smallPlan()))).isEqualTo(409);
        assertThat(status(driver.call(driver.workingGroup, "POST", planUrl(id) + "/revisions/submit",
                Map.of("changeNote", "Di nuovo")))).isEqualTo(409);

        // Who submitted it may not approve it, even holding the management role too.
        identity.createMembership(driver.workingGroup, "management");
        MvcResult own = driver.call(driver.workingGroup, "POST", planUrl(id) + "/versions/2/decision",
                Map.of("decision", "approve", "signatoryName", "Sara Neri"));
        assertThat(status(own)).isEqualTo(400);
        assertThat(own.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("non può approvarlo");
        MvcResult unsigned = driver.call(driver.manager, "POST", planUrl(id) + "/versions/2/decision",
                Map.of("decision", "approve"));
        assertThat(status(unsigned)).isEqualTo(400);
        assertThat(unsigned.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("signatoryName");

        JsonNode approved = driver.ok(driver.manager, "POST", planUrl(id) + "/versions/2/decision",
                Map.of("decision", "approve", "signatoryName", "Marco Rossi", "signatoryRole", "Segretario generale"));
        assertThat(approved.path("version").path("status").asText()).isEqualTo("APPROVED");
        assertThat(status(driver.call(driver.manager, "POST", planUrl(id) + "/versions/2/decision",
                Map.of("decision", "reject", "note", "Ci ho ripensato")))).isEqualTo(409);
        assertThat(plans.latestApproved(id).orElseThrow().versionNo()).isEqualTo(2);
        assertThat(plans.content(plans.latestApproved(id).orElseThrow().id()).actions()).hasSize(3);

        List<String> audit = new ArrayList<>();
        driver.ok(driver.referent, "GET", "/api/certifications/" + id + "/audit", null)
                .forEach(e -> audit.add(e.path("action").asText()));
        assertThat(audit).containsSubsequence("PLAN_SUBMITTED", "PLAN_APPROVED", "PLAN_REVISION_OPENED",
                "PLAN_SUBMITTED", "PLAN_APPROVED");
        List<String> timeline = new ArrayList<>();
        driver.status(id).path("timeline").forEach(e -> timeline.add(e.path("kind").asText()));
        assertThat(timeline).containsSubsequence("PLAN_REVISION_OPENED", "PLAN_REVISION_SUBMITTED",
                "PLAN_REVISION_APPROVED");
    }

    @Test
    void aRejectedRevisionNeedsAReasonAndLeavesTheApprovedPlanInForce() throws Exception {
        long id = driver.runToCertificate();
        driver.ok(driver.referent, "POST", planUrl(id) + "/revisions", null);
        driver.ok(driver.referent, "POST", planUrl(id) + "/revisions/submit", Map.of("changeNote", "Titolo nuovo"));

        assertThat(status(driver.call(driver.manager, "POST", planUrl(id) + "/versions/2/decision",
                Map.of("decision", "reject")))).isEqualTo(400);
        assertThat(status(driver.call(driver.manager, "POST", planUrl(id) + "/versions/2/decision",
                Map.of("decision", "forse")))).isEqualTo(400);
        JsonNode rejected = driver.ok(driver.manager, "POST", planUrl(id) + "/versions/2/decision",
                Map.of("decision", "reject", "note", "Non serve"));
        assertThat(rejected.path("version").path("status").asText()).isEqualTo("CHANGES_REQUESTED");
        assertThat(plans.latestApproved(id).orElseThrow().versionNo()).isEqualTo(1);
        assertThat(status(driver.call(driver.manager, "POST", planUrl(id) + "/versions/1/decision",
                Map.of("decision", "reject", "note", "x")))).isEqualTo(409);

        // A new revision starts again from the approved plan.
        JsonNode next = driver.ok(driver.workingGroup, "POST", planUrl(id) + "/revisions", null);
        assertThat(next.path("version").path("versionNo").asInt()).isEqualTo(3);
        assertThat(next.path("version").path("basedOnVersion").asInt()).isEqualTo(1);
    }

    // --- Helpers -------------------------------------------------------------------------------------

    private long toPlanDrafting() throws Exception {
        return driver.runToPlanDrafting();
    }

    /** The drafting task's check, as our task API shows it to the working group. */
    private String planCheck() throws Exception {
        String task = driver.taskId(driver.workingGroup, "DraftPlanTask");
        return driver.ok(driver.workingGroup, "GET", "/api/tasks/" + task, null).path("values").path("planCheck").asText();
    }

    private MvcResult raw(long id, byte[] body) throws Exception {
        return mvc.perform(put(draft(id)).with(httpBasic(driver.workingGroup, ApiDriver.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    private static String planUrl(long id) {
        return "/api/certifications/" + id + "/plan";
    }

    private static String draft(long id) {
        return planUrl(id) + "/draft";
    }

    private static int status(MvcResult result) {
        return result.getResponse().getStatus();
    }

    private static List<String> fields(JsonNode errors) {
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
