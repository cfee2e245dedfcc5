package it.familyaudit.workflow.tasks;

import static it.familyaudit.workflow.support.ApiDriver.application;
import static it.familyaudit.workflow.support.ApiDriver.payment;
import static it.familyaudit.workflow.support.ApiDriver.professionals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.support.ApiTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

class TaskApiTest extends ApiTestBase {

    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;

    @Test
    void anonymousCallsAreRejectedWith401() throws Exception {
        MvcResult result = mvc.perform(get("/api/tasks")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(mvc.perform(get("/api/tasks").with(httpBasic("referent", "wrong"))).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void invalidDataAnswers400WithEveryFieldErrorAndWritesNothing() throws Exception {
        long id = driver.start();
        MvcResult result = driver.complete(driver.referent, "SubmitApplicationTask", Map.of(
                "scope", "units", "employeesInvolved", "dodici", "referentEmail", "not-an-address",
                "internalActDate", "2026-02-30", "internalActNumber", "x".repeat(51)));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        JsonNode problem = json.readTree(result.getResponse().getContentAsByteArray());
        assertThat(fields(problem)).containsExactlyInAnyOrder("employeesInvolved", "internalActNumber",
                "internalActDate", "referentName", "referentEmail", "scopeUnits");
        JsonNode status = driver.status(id);
        assertThat(status.path("employeesInvolved").isMissingNode()).isTrue();
        assertThat(status.path("openTasks").get(0).path("taskKey").asText()).isEqualTo("SubmitApplicationTask");
        assertThat(timelineKinds(status)).containsExactly("STARTED");
    }

    @Test
    void unknownFieldsAreReportedTogetherWithTheFormsOwnErrors() throws Exception {
        driver.start();
        MvcResult result = driver.complete(driver.referent, "SubmitApplicationTask",
                Map.of("employeesInvolved", 10, "isAdmin", true));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(json.readTree(result.getResponse().getContentAsByteArray())))
                .contains("isAdmin", "scope", "internalActNumber", "referentName");
    }

    @Test
    void wrongTypesHugeTextAndControlCharactersAreRefused() throws Exception {
        driver.start();
        Map<String, Object> values = new HashMap<>(application(10));
        values.put("scope", List.of("whole"));
        values.put("referentName", "x".repeat(1_000_000));
        values.put("internalActNumber", "DG\u0000 1");
        MvcResult result = driver.complete(driver.referent, "SubmitApplicationTask", values);
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(json.readTree(result.getResponse().getContentAsByteArray())))
                .containsExactlyInAnyOrder("scope", "referentName", "internalActNumber");
    }

    @Test
    void bodiesThatAreNotJsonAnswer400() throws Exception {
        driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");
        for (byte[] body : List.of("{\"scope\":".getBytes(), new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},
                "[1,2]".getBytes())) {
            MvcResult result = mvc.perform(post("/api/tasks/" + task + "/completion")
                    .with(httpBasic(driver.referent, "test-password"))
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
            assertThat(result.getResponse().getStatus()).as(new String(body)).isEqualTo(400);
        }
    }

    @Test
    void aUserOfAnotherGroupCannotCompleteTheTask() throws Exception {
        driver.start();
        MvcResult result = driver.call("agency", "POST",
                "/api/tasks/" + driver.taskId(driver.referent, "SubmitApplicationTask") + "/completion", application(10));
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(driver.call(driver.manager, "POST", "/api/tasks/"
                + driver.taskId(driver.referent, "SubmitApplicationTask") + "/completion", application(10))
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aReferentOfAnotherOrganisationDoesNotSeeTheTaskOrTheCertification() throws Exception {
        long id = driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");
        assertThat(driver.call("referent2", "GET", "/api/tasks/" + task, null).getResponse().getStatus()).isEqualTo(404);
        assertThat(driver.call("referent2", "POST", "/api/tasks/" + task + "/completion", application(10))
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(driver.call("referent2", "GET", "/api/certifications/" + id, null).getResponse().getStatus())
                .isEqualTo(404);
        JsonNode mine = driver.ok("referent2", "GET", "/api/tasks", null).path("tasks");
        mine.forEach(t -> assertThat(t.path("organizationCode").asText()).isNotEqualTo(driver.organization));
    }

    @Test
    void aTaskShowsItsFormSchemaAndKnownValues() throws Exception {
        driver.start();
        driver.completeOk(driver.referent, "SubmitApplicationTask", application(40));
        JsonNode task = driver.ok("agency", "GET", "/api/tasks/" + driver.taskId("agency", "RecordPaymentTask"), null);
        assertThat(task.path("formSchema").path("id").asText()).isEqualTo("record-payment");
        assertThat(task.path("values").path("feeAmount").asInt()).isEqualTo(400);
        assertThat(task.path("candidateGroups").get(0).asText()).isEqualTo("agency");
    }

    @Test
    void standaloneTasksOfTheOrganisationAppearAmongMyTasksAndAreLeftToTasklist() throws Exception {
        org.camunda.bpm.engine.task.Task standalone = tasks.newTask();
        standalone.setName("Verificare i documenti");
        standalone.setTenantId(driver.organization);
        tasks.saveTask(standalone);
        tasks.addCandidateGroup(standalone.getId(), "referent");
        try {
            JsonNode mine = driver.ok(driver.referent, "GET", "/api/tasks", null).path("tasks");
            assertThat(mine).anySatisfy(t -> assertThat(t.path("id").asText()).isEqualTo(standalone.getId()));
            // It has no form: it is done in Tasklist, and our API says so instead of failing.
            for (String[] call : new String[][] {{"GET", ""}, {"POST", "/completion"}}) {
                MvcResult result = driver.call(driver.referent, call[0], "/api/tasks/" + standalone.getId() + call[1],
                        call[0].equals("POST") ? Map.of() : null);
                assertThat(result.getResponse().getStatus()).as(call[0]).isEqualTo(409);
                assertThat(json.readTree(result.getResponse().getContentAsByteArray()).path("detail").asText())
                        .contains("Tasklist");
            }
        } finally {
            tasks.deleteTask(standalone.getId(), true);
        }
    }

    @Test
    void completingATaskTwiceAnswers409() throws Exception {
        driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");
        assertThat(driver.call(driver.referent, "POST", "/api/tasks/" + task + "/completion", application(10))
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(driver.call(driver.referent, "POST", "/api/tasks/" + task + "/completion", application(10))
                .getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void twoSimultaneousSubmissionsOfOneTaskAcceptExactlyOne() throws Exception {
        long id = driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> submit = () -> {
                go.await();
                return driver.call(driver.referent, "POST", "/api/tasks/" + task + "/completion", application(10))
                        .getResponse().getStatus();
            };
            List<Future<Integer>> results = List.of(pool.submit(submit), pool.submit(submit));
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : results) {
                codes.add(f.get());
            }
            assertThat(codes).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(timelineKinds(driver.status(id)).stream().filter("TASK_COMPLETED"::equals)).hasSize(1);
    }

    @Test
    void consultantAndEvaluatorMustBeDifferentPeople() throws Exception {
        driver.start();
        driver.completeOk(driver.referent, "SubmitApplicationTask", application(10));
        driver.completeOk("agency", "RecordPaymentTask", payment(100));
        MvcResult same = driver.complete("agency", "AssignProfessionalsTask", professionals("consultant", "consultant"));
        assertThat(same.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(json.readTree(same.getResponse().getContentAsByteArray())))
                .containsExactlyInAnyOrder("evaluatorId", "evaluatorId");
    }

    @Test
    void onlyTheAssignedConsultantSeesTheKickoff() throws Exception {
        driver.start();
        driver.completeOk(driver.referent, "SubmitApplicationTask", application(10));
        driver.completeOk("agency", "RecordPaymentTask", payment(100));
        driver.completeOk("agency", "AssignProfessionalsTask", professionals("consultant", "evaluator"));
        String task = driver.taskId("consultant", "RecordKickoffWorkshopTask");
        assertThat(driver.call("consultant2", "GET", "/api/tasks/" + task, null).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theEngineChecksTheSameRulesWhenTasklistSubmitsTheForm() throws Exception {
        long id = driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");
        // Tasklist submits through FormService as the signed-in user.
        identity.setAuthentication(driver.referent, List.of("referent"), List.of(driver.organization));
        try {
            assertThatThrownBy(() -> forms.submitTaskForm(task, Map.of("scope", "whole")))
                    .isInstanceOf(FormValidationException.class)
                    .satisfies(e -> assertThat(((FormValidationException) e).errors()).extracting(FieldError::field)
                            .contains("employeesInvolved", "internalActNumber"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
        assertThat(timelineKinds(driver.status(id))).containsExactly("STARTED");
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static List<String> timelineKinds(JsonNode status) {
        List<String> kinds = new ArrayList<>();
        status.path("timeline").forEach(e -> kinds.add(e.path("kind").asText()));
        return kinds;
    }
}
