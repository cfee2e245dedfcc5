package it.familyaudit.workflow.security;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
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

    private final OidcUserProvisioning provisioning;
    private final Memberships memberships;

    OidcAuthenticationConverter(OidcUserProvisioning provisioning, Memberships memberships) {
        this.provisioning = provisioning;
        this.memberships = memberships;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        CurrentUser current = memberships.of(provisioning.provision(jwt));
        List<SimpleGrantedAuthority> groups = current.groups().stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(current, null, groups);
    }
}
