package it.familyaudit.workflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on with an OpenID Connect provider, off unless {@code enabled}. The provider itself is
 * configured with Spring's standard properties: {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * for the API's tokens and, for the webapps' sign-in, a {@code spring.security.oauth2.client}
 * registration.
 *
 * @param enabled           {@code /api} also accepts Bearer tokens of the issuer, and the webapps offer
 *                          the provider's sign-in if a client is registered
 * @param userIdClaim       the claim that names the Camunda user ({@code sub} when the token lacks it)
 * @param rolesClaim        the claim listing our roles (unknown names are ignored, {@code admin} is never granted)
 * @param organisationClaim the claim with the organisation code (a Camunda tenant that must already exist)
 * @param provisioningCache how long a user provisioned with the same claims is not written again
 */
@ConfigurationProperties("family-audit.oidc")
public record OidcProperties(
        boolean enabled,
        String userIdClaim,
        String rolesClaim,
        String organisationClaim,
        Duration provisioningCache) {

    public OidcProperties {
        userIdClaim = blank(userIdClaim) ? "preferred_username" : userIdClaim;
        rolesClaim = blank(rolesClaim) ? "family_audit_roles" : rolesClaim;
        organisationClaim = blank(organisationClaim) ? "family_audit_organisation" : organisationClaim;
        provisioningCache = provisioningCache == null ? Duration.ofMinutes(5) : provisioningCache;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
