package it.familyaudit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What an operator reads when clients make mistakes: one line per request with its correlation id, the
 * problem in one line at INFO, no ERROR and no stack trace; the id is answered in a header and in the problem.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientErrorLogTest extends ApiTestBase {

    @Test
    void aRefusedCompletionIsOneLineWithTheRequestsIdNeverAnErrorWithAStackTrace(CapturedOutput output)
            throws Exception {
        driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");
        int before = output.getOut().length();

        MockHttpServletResponse refused = mvc.perform(post("/api/tasks/" + task + "/completion")
                .with(httpBasic(driver.referent, ApiDriver.PASSWORD)).header("X-Request-Id", "prova-42")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("employeesInvolved",
                        "many")))).andReturn().getResponse();
        MockHttpServletResponse unnamed = mvc.perform(post("/api/tasks/" + task + "/completion")
                .with(httpBasic(driver.referent, ApiDriver.PASSWORD)).header("X-Request-Id", "not a <sensible> id")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getHeader("X-Request-Id")).isEqualTo("prova-42");
        assertThat(json.readTree(refused.getContentAsString()).path("reference").asText()).isEqualTo("prova-42");
        JsonNode second = json.readTree(unnamed.getContentAsString());
        assertThat(unnamed.getHeader("X-Request-Id")).matches("[0-9a-f]{12}")
                .isEqualTo(second.path("reference").asText());
        String logged = output.getOut().substring(before);
        assertThat(logged).contains("[prova-42]", "Answered 400: Dati non validi",
                "POST /api/tasks/" + task + "/completion 400 ");
        assertThat(logged).doesNotContain(" ERROR ").doesNotContain("\tat ");
    }
}
