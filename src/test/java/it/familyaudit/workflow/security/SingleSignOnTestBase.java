package it.familyaudit.workflow.security;

import it.familyaudit.workflow.support.HttpTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on on, for the API and the webapps, with an OpenID Connect provider running in this
 * JVM (mock-oauth2-server). The SSO test classes share this configuration, and so one application.
 * The provider lives as long as the JVM: an application that a later class reuses still needs it.
 */
abstract class SingleSignOnTestBase extends HttpTestBase {

    static final String ISSUER = "family-audit-idp";
    /** The registration id, in the webapps' sign-in address and the redirect URI. */
    static final String REGISTRATION = "family-audit";
    static final String CLIENT_ID = "family-audit";
    static final MockOAuth2Server provider = new MockOAuth2Server();

    static {
        provider.start();
    }

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        registry.add("family-audit.oidc.enabled", () -> "true");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> provider.issuerUrl(ISSUER).toString());
        String client = "spring.security.oauth2.client.registration." + REGISTRATION;
        registry.add(client + ".client-id", () -> CLIENT_ID);
        registry.add(client + ".client-secret", () -> "family-audit-secret");
        registry.add(client + ".scope", () -> "openid,profile,email");
        registry.add("spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri",
                () -> provider.issuerUrl(ISSUER).toString());
    }

    static String newUserId() {
        return "sso" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The claims our configuration reads, as a provider sends them. */
    static Map<String, Object> claims(String user, List<String> roles, String organisation) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("preferred_username", user);
        claims.put("given_name", "Giulia");
        claims.put("family_name", "Bianchi");
        claims.put("email", user + "@example.it");
        claims.put("family_audit_roles", roles);
        if (organisation != null) {
            claims.put("family_audit_organisation", organisation);
        }
        return claims;
    }

    List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    List<String> tenantsOf(String user) {
        return identity.createTenantQuery().userMember(user).list().stream().map(Tenant::getId).toList();
    }
}
