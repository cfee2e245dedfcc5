package it.familyaudit.workflow.security;

import static it.familyaudit.workflow.support.ApiDriver.application;
import static it.familyaudit.workflow.support.ApiDriver.approval;
import static it.familyaudit.workflow.support.ApiDriver.council;
import static it.familyaudit.workflow.support.ApiDriver.evaluation;
import static it.familyaudit.workflow.support.ApiDriver.kickoff;
import static it.familyaudit.workflow.support.ApiDriver.payment;
import static it.familyaudit.workflow.support.ApiDriver.plan;
import static it.familyaudit.workflow.support.ApiDriver.professionals;
import static it.familyaudit.workflow.support.ApiDriver.workingGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.monitoring.MonitoringProcess;
import it.familyaudit.workflow.monitoring.MonitoringRepository;
import it.familyaudit.workflow.organization.OrganizationService;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.MonitoringValues;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.client.RestClient;

/**
 * The whole application on a real port, as {@code EngineRestTest} has it (so both share one
 * context): {@code /engine-rest} is served by Jersey, which only a real HTTP call reaches; every
 * other call goes through MockMvc. Organisations under test are fresh {@link ApiDriver}s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
abstract class AuthorizationMatrixSupport {

    /** What came back: the status and the body as text. */
    record Response(int status, String body) {
    }

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
    @Autowired
    TaskService tasks;
    @Autowired
    MonitoringRepository rounds;

    private ApiDriver other;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ApiDriver newOrganisation() {
        return new ApiDriver(mvc, json, identity, organizations, management);
    }

    /** The organisation of {@link Caller#OTHER_REFERENT}: one per test, with no certification of its own. */
    ApiDriver otherOrganisation() {
        if (other == null) {
            other = newOrganisation();
        }
        return other;
    }

    /** A body sent as it is, not as JSON: a file upload. */
    record FileBody(MediaType type, byte[] bytes) {
    }

    /** A multipart form with one file, as a browser or {@code curl -F} sends it. */
    record FormWithFile(Map<String, String> fields, String fileName, byte[] bytes) {
    }

    /**
     * Calls as this user ({@code null}: anonymously); the body, if any, as JSON or, a {@link FileBody},
     * as it is, or a {@link FormWithFile} as a multipart form.
     */
    Response call(String user, String method, String path, Object body) throws Exception {
        if (path.startsWith("/engine-rest/")) {
            return overHttp(user, method, path, body);
        }
        var request = body instanceof FormWithFile form
                ? multipart(HttpMethod.valueOf(method), path)
                        .file(new MockMultipartFile("file", form.fileName(), "application/octet-stream", form.bytes()))
                : request(HttpMethod.valueOf(method), path);
        if (body instanceof FormWithFile form) {
            form.fields().forEach(request::param);
        }
        if (user != null) {
            request.with(httpBasic(user, ApiDriver.passwordOf(user)));
        }
        if (body instanceof FileBody file) {
            request.contentType(file.type()).content(file.bytes());
        } else if (body != null && !(body instanceof FormWithFile)) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        MvcResult result = mvc.perform(request).andReturn();
        return new Response(result.getResponse().getStatus(),
                result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private Response overHttp(String user, String method, String path, Object body) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
        if (user != null) {
            builder.defaultHeaders(h -> h.setBasicAuth(user, ApiDriver.passwordOf(user)));
        }
        var request = builder.build().method(HttpMethod.valueOf(method)).uri(path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ResponseEntity<String> response = request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { })
                .toEntity(String.class);
        return new Response(response.getStatusCode().value(), response.getBody());
    }

    JsonNode ok(String user, String method, String path, Object body) throws Exception {
        Response r = call(user, method, path, body);
        assertThat(r.status()).as("%s %s as %s: %s", method, path, user, r.body()).isBetween(200, 201);
        return json.readTree(r.body());
    }

    /** The open task with this key in the organisation, looked up in the engine (no user, no paging). */
    Optional<Task> openTask(ApiDriver organisation, String taskKey) {
        return Optional.ofNullable(tasks.createTaskQuery().tenantIdIn(organisation.organization)
                .taskDefinitionKey(taskKey).singleResult());
    }

    String openTaskId(ApiDriver organisation, String taskKey) {
        return openTask(organisation, taskKey)
                .orElseThrow(() -> new AssertionError("No open " + taskKey + " in " + organisation.organization))
                .getId();
    }

    /** Completes the open task with valid values as the user who does it, through the API. */
    void complete(ApiDriver organisation, String user, String taskKey, Map<String, ?> values) throws Exception {
        ok(user, "POST", "/api/tasks/" + openTaskId(organisation, taskKey) + "/completion", values);
    }

    /** Application, payment and assignment of {@code consultant} and {@code evaluator}: the kick-off is open. */
    long startToKickoff(ApiDriver organisation) throws Exception {
        long id = organisation.start();
        complete(organisation, organisation.referent, CertificationProcess.SUBMIT_APPLICATION, application(120));
        complete(organisation, "agency", CertificationProcess.RECORD_PAYMENT, payment(1000));
        complete(organisation, "agency", CertificationProcess.ASSIGN_PROFESSIONALS,
                professionals("consultant", "evaluator"));
        return id;
    }

    /** On to the kick-off, the working group and the survey: the working group's plan drafting is open. */
    long startToPlanDrafting(ApiDriver organisation) throws Exception {
        long id = startToKickoff(organisation);
        complete(organisation, "consultant", CertificationProcess.RECORD_KICKOFF_WORKSHOP,
                kickoff(LocalDate.parse(ApiDriver.today())));
        complete(organisation, organisation.manager, CertificationProcess.FORM_WORKING_GROUP, workingGroup());
        organisation.runNeedsQuestionnaire();
        return id;
    }

    /** From the application to the council's grant, as {@link ApiDriver#runToCertificate()} without its paging. */
    long runToCertificate(ApiDriver organisation) throws Exception {
        long id = startToPlanDrafting(organisation);
        draftAndSubmitPlan(organisation);
        complete(organisation, organisation.manager, CertificationProcess.APPROVE_PLAN, approval());
        complete(organisation, "evaluator", CertificationProcess.RECORD_EVALUATION_VISIT, evaluation("positive"));
        complete(organisation, "council", CertificationProcess.DECIDE_CERTIFICATION, council("grant"));
        executeJobs(organisation);
        return id;
    }

    /** The working group saves a complete draft, then submits it through the open drafting task. */
    void draftAndSubmitPlan(ApiDriver organisation) throws Exception {
        String task = openTaskId(organisation, CertificationProcess.DRAFT_PLAN);
        long certification = ok(organisation.workingGroup, "GET", "/api/tasks/" + task, null).path("task")
                .path("certificationId").asLong();
        ok(organisation.workingGroup, "PUT", "/api/certifications/" + certification + "/plan/draft",
                ApiDriver.smallPlan());
        complete(organisation, organisation.workingGroup, CertificationProcess.DRAFT_PLAN, plan());
    }

    /**
     * From the application to the Family Audit Executive: the certificate, three confirmed years (every
     * action reported done) and the council's recognition.
     */
    long runToExecutive(ApiDriver organisation) throws Exception {
        long id = runToCertificate(organisation);
        for (int year = 1; year <= 3; year++) {
            moveClockTo(rounds.current(id).orElseThrow().opensOn());
            executeJobs(organisation);
            complete(organisation, organisation.referent, MonitoringProcess.COMPILE_REPORT,
                    MonitoringValues.report(rounds.actions(rounds.current(id).orElseThrow().id())));
            complete(organisation, organisation.manager, MonitoringProcess.APPROVE_REPORT, MonitoringValues.approval());
            complete(organisation, "evaluator", MonitoringProcess.AUDIT_REPORT, MonitoringValues.audit("confirm"));
            complete(organisation, "council", MonitoringProcess.DECIDE, MonitoringValues.decision("confirm"));
        }
        complete(organisation, "council", CertificationProcess.RECOGNISE_PLAN_CARRIED_OUT, MonitoringValues.recognition());
        return id;
    }

    /** Every page of the user's tasks, looking for this one. */
    boolean listsTask(String user, String taskId) throws Exception {
        for (int page = 0; ; page++) {
            JsonNode found = ok(user, "GET", "/api/tasks?size=200&page=" + page, null);
            for (JsonNode t : found.path("tasks")) {
                if (t.path("id").asText().equals(taskId)) {
                    return true;
                }
            }
            if ((page + 1) * 200L >= found.path("total").asLong()) {
                return false;
            }
        }
    }

    /** Runs the organisation's due jobs, as the job executor would; other tests' jobs are left alone. */
    void executeJobs(ApiDriver organisation) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = management.createJobQuery().tenantIdIn(organisation.organization).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    static void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(EngineTime.ZONE).toInstant()));
    }
}
