package it.familyaudit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.mock.web.MockHttpServletResponse;

/** {@code /actuator/prometheus}: the administrator's only, with requests by status, completions and backlogs. */
@AutoConfigureObservability
class MetricsTest extends ApiTestBase {

    @Test
    void theAdministratorReadsCompletionsErrorsAndBacklogsNobodyElseDoes() throws Exception {
        driver.start();
        driver.completeOk(driver.referent, "SubmitApplicationTask", ApiDriver.application(120));
        driver.call(driver.referent, "GET", "/api/certifications/999999999", null);

        assertThat(scrape(null).getStatus()).isEqualTo(401);
        assertThat(scrape("agency").getStatus()).isEqualTo(403);
        MockHttpServletResponse metrics = scrape("admin");
        assertThat(metrics.getStatus()).isEqualTo(200);
        assertThat(metrics.getContentAsString()).contains("familyaudit_tasks_completed_total{task=\"SubmitApplicationTask\"}",
                "familyaudit_mail_outbox_backlog ", "familyaudit_jobs_due ", "familyaudit_jobs_failed ",
                "http_server_requests_seconds_count{", "status=\"404\"", "hikaricp_connections_active");
    }

    private MockHttpServletResponse scrape(String user) throws Exception {
        var request = get("/actuator/prometheus");
        if (user != null) {
            request.with(httpBasic(user, user + "-demo"));
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
