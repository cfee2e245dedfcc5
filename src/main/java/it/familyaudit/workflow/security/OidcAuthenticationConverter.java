package it.familyaudit.workflow.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Turns a verified token of the single sign-on provider into the same authentication a local user
 * gets: the principal is the {@link CurrentUser}, read from Camunda's identity tables after the
 * user has been provisioned from the claims, so controllers, tenant checks and consultants'
 * assignments work unchanged.
 */
@Component
@ConditionalOnProperty(prefix = "family-audit.oidc", name = "enabled", havingValue = "true")
class OidcAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final OidcProperties properties;
    private final OidcUserProvisioning provisioning;
    private final Memberships memberships;

    OidcAuthenticationConverter(OidcProperties properties, OidcUserProvisioning provisioning, Memberships memberships) {
        this.properties = properties;
        this.provisioning = provisioning;
        this.memberships = memberships;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        OidcUserProvisioning.Claims claims = claims(jwt);
        try {
            provisioning.provision(claims);
        } catch (ProcessEngineException e) {
            // E.g. a user id Camunda does not accept: the caller gets a 401, not a 500.
            throw new BadCredentialsException("Utente non utilizzabile / Unusable user " + claims.userId(), e);
        }
        CurrentUser current = memberships.of(claims.userId());
        List<SimpleGrantedAuthority> groups = current.groups().stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(current, null, groups);
    }

    OidcUserProvisioning.Claims claims(Jwt jwt) {
        String userId = jwt.getClaimAsString(properties.userIdClaim());
        if (userId == null || userId.isBlank()) {
            userId = jwt.getSubject();
        }
        if (userId == null || userId.isBlank()) {
            throw new BadCredentialsException("Il token non indica l'utente / The token names no user");
        }
        String organisation = jwt.getClaimAsString(properties.organisationClaim());
        return new OidcUserProvisioning.Claims(userId, roles(jwt.getClaim(properties.rolesClaim())),
                organisation == null || organisation.isBlank() ? null : organisation,
                jwt.getClaimAsString("given_name"), jwt.getClaimAsString("family_name"), jwt.getClaimAsString("email"));
    }

    /** A JSON list, or one string with the names separated by spaces or commas (as some providers send them). */
    private static Set<String> roles(Object claim) {
        Collection<?> values;
        if (claim instanceof Collection<?> list) {
            values = list;
        } else if (claim instanceof String text) {
            values = List.of(text.split("[\\s,]+"));
        } else {
            values = List.of();
        }
        return values.stream().filter(String.class::isInstance).map(String.class::cast)
                .filter(OidcUserProvisioning.GRANTABLE::contains).collect(Collectors.toSet());
    }
}
