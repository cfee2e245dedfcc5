package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.ApiTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Camunda counts failed password checks and holds the account back: 3 s after the first failure,
 * doubling up to 60 s, and locked for good after 10 in a row. The API says which it is, and the
 * right password does not get through in the meantime (not even one remembered from before).
 * The engine clock moves instead of the test sleeping.
 */
class LoginThrottlingTest extends ApiTestBase {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private Instant now = START;
    private String user;

    @BeforeEach
    void freshUser() {
        ClockUtil.setCurrentTime(Date.from(START));
        user = driver.referent;
    }

    @Test
    void afterAWrongPasswordTheRightOneWaitsForTheDelay() throws Exception {
        assertThat(signIn(ApiDriver.PASSWORD).getStatus()).as("a success the API remembers").isEqualTo(200);

        assertThat(signIn("wrong-password").getStatus()).isEqualTo(401);

        MockHttpServletResponse throttled = signIn(ApiDriver.PASSWORD);
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isEqualTo("3");
        assertThat(json.readTree(throttled.getContentAsByteArray()).path("detail").asText())
                .isEqualTo("Troppi tentativi di accesso falliti: riprovare tra 3 secondi / "
                        + "Too many failed sign-in attempts: try again in 3 seconds");

        advance(Duration.ofSeconds(2));
        assertThat(signIn(ApiDriver.PASSWORD).getHeader("Retry-After")).isEqualTo("1");

        advance(Duration.ofMillis(1001));
        assertThat(signIn(ApiDriver.PASSWORD).getStatus()).isEqualTo(200);
        assertThat(signIn("wrong-password").getStatus()).as("the success started the count again").isEqualTo(401);
        assertThat(signIn(ApiDriver.PASSWORD).getHeader("Retry-After")).isEqualTo("3");
    }

    @Test
    void theDelayGrowsAndAfterTenFailuresOnlyAnAdministratorUnlocks() throws Exception {
        long[] delays = {3, 6, 12, 24, 48, 60, 60, 60, 60};
        for (long delay : delays) {
            assertThat(signIn("wrong-password").getStatus()).isEqualTo(401);
            MockHttpServletResponse held = signIn(ApiDriver.PASSWORD);
            assertThat(held.getStatus()).isEqualTo(429);
            assertThat(held.getHeader("Retry-After")).isEqualTo(Long.toString(delay));
            assertThat(signIn("wrong-password").getStatus()).as("a guess while held back").isEqualTo(429);
            advance(Duration.ofSeconds(delay));
        }
        assertThat(signIn("wrong-password").getStatus()).as("the tenth failure").isEqualTo(401);

        advance(Duration.ofDays(1));
        MockHttpServletResponse locked = signIn(ApiDriver.PASSWORD);
        assertThat(locked.getStatus()).isEqualTo(401);
        assertThat(locked.getHeader("Retry-After")).isNull();
        assertThat(json.readTree(locked.getContentAsByteArray()).path("detail").asText())
                .startsWith("Account bloccato dopo troppi tentativi di accesso falliti");

        identity.unlockUser(user);
        assertThat(signIn(ApiDriver.PASSWORD).getStatus()).isEqualTo(200);
    }

    @Test
    void anUnknownUserIsSimplyNotAuthenticated() throws Exception {
        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse response = mvc.perform(get("/api/tasks").with(httpBasic("nobody-" + user, "x")))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(401);
        }
    }

    private MockHttpServletResponse signIn(String password) throws Exception {
        return mvc.perform(get("/api/tasks").with(httpBasic(user, password))).andReturn().getResponse();
    }

    private void advance(Duration by) {
        now = now.plus(by);
        ClockUtil.setCurrentTime(Date.from(now));
    }
}
