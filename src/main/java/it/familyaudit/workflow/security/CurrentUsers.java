package it.familyaudit.workflow.security;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request, and running engine calls on its behalf. */
@Component
public class CurrentUsers {

    private final IdentityService identity;
    private final Memberships memberships;

    CurrentUsers(IdentityService identity, Memberships memberships) {
        this.identity = identity;
        this.memberships = memberships;
    }

    /** Our login puts the user with their roles and organisations in the request's authentication. */
    public CurrentUser current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            throw new AuthenticationCredentialsNotFoundException("Not authenticated");
        }
        return auth.getPrincipal() instanceof CurrentUser user ? user : memberships.of(auth.getName());
    }

    /**
     * Runs engine calls as this user, so that Camunda's authorizations and tenant checks apply
     * and the history says who did it.
     *
     * @param tenant the organisation the work is for; a user who sees every organisation is
     *               authenticated for this one only
     */
    public <T> T asUser(CurrentUser user, String tenant, Supplier<T> work) {
        List<String> tenants = user.seesAllOrganisations() && tenant != null ? List.of(tenant) : user.tenantList();
        identity.setAuthentication(user.id(), user.groupList(), tenants);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
