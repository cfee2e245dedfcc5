package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.familyaudit.workflow.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Single sign-on is off unless configured: then no Bearer token, however well signed, gets in, and
 * the webapps offer no sign-in through a provider.
 */
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

    @Test
    void withSingleSignOnOffTheWebappsSignInIsNotServed() throws Exception {
        assertNotServed(mvc);
    }

    /** A provider's client configured for the webapps, but single sign-on left off: still nothing served. */
    @Nested
    @TestPropertySource(properties = {
        "spring.security.oauth2.client.registration.family-audit.client-id=family-audit",
        "spring.security.oauth2.client.registration.family-audit.client-secret=family-audit-secret",
        "spring.security.oauth2.client.registration.family-audit.scope=openid",
        "spring.security.oauth2.client.registration.family-audit.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.family-audit.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        // Never called: nothing here reaches the provider.
        "spring.security.oauth2.client.provider.family-audit.authorization-uri=http://127.0.0.1:9/authorize",
        "spring.security.oauth2.client.provider.family-audit.token-uri=http://127.0.0.1:9/token",
        "spring.security.oauth2.client.provider.family-audit.jwk-set-uri=http://127.0.0.1:9/jwks"})
    class WithAClientRegistered {

        /** This class's application, the one with the client registered. */
        @Autowired
        MockMvc registered;
        @Autowired
        ObjectProvider<ClientRegistrationRepository> clients;

        @Test
        void theWebappsSignInIsStillNotServed() throws Exception {
            assertThat(clients.getIfAvailable()).isNotNull();
            assertNotServed(registered);
        }
    }

    private static void assertNotServed(MockMvc mvc) throws Exception {
        for (String path : List.of("/oauth2/authorization/family-audit",
                "/login/oauth2/code/family-audit?code=some-code&state=some-state")) {
            MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isIn(401, 403, 404);
            assertThat(response.getHeader("Location")).as(path).isNull();
        }
    }
}
