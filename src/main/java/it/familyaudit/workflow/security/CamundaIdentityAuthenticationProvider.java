package it.familyaudit.workflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users and groups live in Camunda's identity store, where Camunda Admin manages them: the API
 * and the webapps know the same people with the same passwords and roles.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final TransactionTemplate readOnly;

    CamundaIdentityAuthenticationProvider(IdentityService identity, PlatformTransactionManager transactions) {
        this.identity = identity;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Password check and groups in one transaction: every API call pays for it. */
    @Override
    public Authentication authenticate(Authentication authentication) {
        return readOnly.execute(status -> check(authentication));
    }

    private Authentication check(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || !(credentials instanceof String password)
                || !identity.checkPassword(user, password)) {
            throw new BadCredentialsException("Credenziali non valide / Invalid credentials");
        }
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
