package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.familyaudit.workflow.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Single sign-on is off unless configured: then no Bearer token, however well signed, gets in. */
class OidcDisabledTest extends ApiTestBase {

    @Test
    void withSingleSignOnOffABearerTokenIsRefused() throws Exception {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start();
        try {
            String token = provider.issueToken("family-audit-idp", "someone", "family-audit",
                    Map.of("preferred_username", "someone", "family_audit_roles", List.of("agency")), 3600).serialize();

            MvcResult result = mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + token)).andReturn();

            assertThat(result.getResponse().getStatus()).isEqualTo(401);
            assertThat(identity.createUserQuery().userId("someone").count()).isZero();
        } finally {
            provider.shutdown();
        }
    }
}
