package it.familyaudit.workflow.security;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

/** The caller of the current request, and running engine calls on its behalf. */
@Component
public class CurrentUsers {

    private final IdentityService identity;

    CurrentUsers(IdentityService identity) {
        this.identity = identity;
    }

    public CurrentUser current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            throw new AuthenticationCredentialsNotFoundException("Not authenticated");
        }
        return of(auth.getName(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet()));
    }

    /**
     * The agency and the council see every organisation: listing their thousands of tenant
     * memberships on every request would cost more than all the rest of it.
     */
    CurrentUser of(String userId, Set<String> groups) {
        if (!Collections.disjoint(groups, Roles.AGENCY_ROLES)) {
            return new CurrentUser(userId, groups, Set.of());
        }
        Set<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).collect(Collectors.toSet());
        return new CurrentUser(userId, groups, tenants);
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
