package it.familyaudit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.HttpTestBase;
import it.familyaudit.workflow.support.WebappSession;
import jakarta.servlet.RequestDispatcher;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.BadSqlGrammarException;

/** No response shows a stack trace, SQL or an exception class: only what the caller can act on. */
class ErrorDisclosureTest extends HttpTestBase {

    /** A model whose service task runs a broken query, as a faulty delegate would. */
    private static final String BROKEN_QUERY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Probe" targetNamespace="test">
              <bpmn:process id="BrokenQueryProbe" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="Start"/>
                <bpmn:sequenceFlow id="ToQuery" sourceRef="Start" targetRef="Query"/>
                <bpmn:serviceTask id="Query"
                    camunda:expression="${jdbcClient.sql('SELECT secret FROM no_such_table').query().singleValue()}"/>
                <bpmn:sequenceFlow id="ToEnd" sourceRef="Query" targetRef="End"/>
                <bpmn:endEvent id="End"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired
    RepositoryService repository;
    @Autowired
    ApiExceptionHandler apiErrors;

    private String deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void apiClientErrorsSayWhatIsWrongAndNothingElse() throws Exception {
        HttpResponse<String> badJson = send(request("/api/organizations", "agency", "agency-demo")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"code\": ")));
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(body(badJson).path("detail").asText()).contains("non è JSON valido");

        HttpResponse<String> unknownCertification = send(request("/api/certifications/987654321", "agency", "agency-demo"));
        assertThat(unknownCertification.statusCode()).isEqualTo(404);

        HttpResponse<String> unknownTask = send(request("/api/tasks/no-such-task/completion", "agency", "agency-demo")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(unknownTask.statusCode()).isEqualTo(404);

        for (HttpResponse<String> response : List.of(badJson, unknownCertification, unknownTask)) {
            assertNothingInternal(response.body());
        }
    }

    @Test
    void anUnexpectedApiFailureAnswersAPlain500() {
        for (Exception failure : List.of(
                new BadSqlGrammarException("count", "SELECT secret FROM fa_certification", new SQLException("no table")),
                new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation 'INSERT x'",
                        new IllegalStateException("boom")),
                new NullPointerException("Cannot invoke \"String.length()\" because \"code\" is null"))) {
            ResponseEntity<ProblemDetail> answer = apiErrors.handle(failure);
            assertThat(answer.getStatusCode().value()).isEqualTo(500);
            assertThat(answer.getBody().getDetail()).isEqualTo("Errore interno / Internal error");
            assertThat(answer.getBody().getProperties()).isNull();
        }
    }

    @Test
    void theErrorPageShowsNeitherTheExceptionNorItsMessage() throws Exception {
        String page = mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION,
                                new IllegalStateException("bad SQL grammar [SELECT secret FROM fa_certification]")))
                .andReturn().getResponse().getContentAsString();

        assertThat(json.readTree(page).path("status").asInt()).isEqualTo(500);
        assertNothingInternal(page);
        assertThat(page).doesNotContain("trace", "message", "exception");
    }

    @Test
    void addressesNothingServesAnswerProblemDetailsUnderTheApiAndTheItalianPageToBrowsersNever500() throws Exception {
        HttpResponse<String> visit = send(request("/error"));
        assertThat(visit.statusCode()).as("a plain visit of /error is a page that does not exist").isEqualTo(404);

        HttpResponse<String> unknown = send(request("/api/no-such-thing", "agency", "agency-demo"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(body(unknown).path("detail").asText()).isEqualTo("Indirizzo inesistente / No such address");

        HttpResponse<String> wrongMethod = send(request("/api/tasks", "agency", "agency-demo")
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(body(wrongMethod).path("status").asInt()).isEqualTo(405);

        // Outside the portal's and the API's paths everything is denied, unknown or not: the page says so.
        HttpResponse<String> page = send(request("/no-such-page").header("Accept", "text/html,*/*;q=0.8"));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("lang=\"it\"", "<h1>Non hai accesso a questa pagina</h1>", "href=\"/\"");
        for (HttpResponse<String> answer : List.of(visit, unknown, wrongMethod, page)) {
            assertNothingInternal(answer.body());
        }
    }

    @Test
    void aFormPostLargerThanTheServerReadsIsTooLargeNotAnExpiredForm() throws Exception {
        String body = "answer=" + "x".repeat(20 * 1024 * 1024);
        HttpResponse<String> page = send(request("/questionario/abcdefgh").header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("Dati inviati troppo grandi: al massimo 10 MB").doesNotContain("scaduto");

        HttpResponse<String> api = send(request("/questionario/abcdefgh")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(body(api).path("detail").asText()).contains("Too much data sent");
    }

    @Test
    void aStartWithoutAnOrganisationIsTheCallersMistakeNotTheServers() throws Exception {
        HttpResponse<String> start = send(asAdmin("/engine-rest/process-definition/key/" + CertificationProcess.KEY
                + "/start").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(start.statusCode()).isEqualTo(400);
        assertThat(body(start).path("message").asText())
                .isEqualTo("La certificazione va avviata per un'organizzazione / A certification must belong to an organisation");
        assertNothingInternal(start.body());
    }

    @Test
    void engineRestServerFailuresShowNeitherSqlNorExceptionClasses() throws Exception {
        HttpResponse<String> clientError = send(asAdmin("/engine-rest/task/no-such-task"));
        assertThat(clientError.statusCode()).as("Camunda's own 4xx answers stay as they are").isEqualTo(404);
        assertThat(body(clientError).path("message").asText()).contains("no-such-task");

        deployment = repository.createDeployment().name("broken-query-probe")
                .addString("broken-query-probe.bpmn", BROKEN_QUERY).deploy().getId();
        HttpResponse<String> failure = send(asAdmin("/engine-rest/process-definition/key/BrokenQueryProbe/start")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(failure.statusCode()).isEqualTo(500);
        JsonNode error = body(failure);
        assertThat(error.path("type").asText()).isEqualTo(EngineServerErrorFilter.SERVER_ERROR_TYPE);
        assertThat(error.path("message").asText()).contains("Errore interno del server (rif. ", "Internal server error (ref. ");
        assertThat(error.has("code")).isTrue();
        assertThat(failure.headers().firstValue("Content-Type")).contains("application/json");
        assertNothingInternal(failure.body());
    }

    @Test
    void theWebappsStillExplainARefusalMeantForPeople() throws Exception {
        ApiDriver driver = newDriver();
        driver.start();
        WebappSession tasklist = WebappSession.signedIn(port, driver.referent, ApiDriver.PASSWORD);

        HttpResponse<String> secondStart = tasklist.post("/camunda/api/engine/engine/default/process-definition/key/"
                + CertificationProcess.KEY + "/submit-form", json.writeValueAsString(Map.of("variables", Map.of())), true);

        assertThat(secondStart.statusCode()).as("the state does not allow it: the caller's conflict").isEqualTo(409);
        JsonNode error = body(secondStart);
        assertThat(error.path("type").asText()).isEqualTo("CertificationAlreadyActive");
        assertThat(error.path("message").asText()).startsWith("Comune di Prova").contains("ha già una certificazione in corso");
        assertNothingInternal(secondStart.body());
    }

    private static void assertNothingInternal(String body) {
        assertThat(body).doesNotContainIgnoringCase("SQL").doesNotContain("SELECT", "Exception", "at org.", "at java.",
                "org.springframework", "org.camunda", "it.familyaudit", "no_such_table", "fa_certification");
    }
}
