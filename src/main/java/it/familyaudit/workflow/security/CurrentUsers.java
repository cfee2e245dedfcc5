package it.familyaudit.workflow.security;

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

    CurrentUser of(String userId, Set<String> groups) {
        Set<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).collect(Collectors.toSet());
        return new CurrentUser(userId, groups, tenants);
    }

    /**
     * Runs engine calls as this user, so that Camunda's authorizations and tenant checks apply
     * and the history says who did it.
     */
    public <T> T asUser(CurrentUser user, Supplier<T> work) {
        identity.setAuthentication(user.id(), user.groupList(), user.tenantList());
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
