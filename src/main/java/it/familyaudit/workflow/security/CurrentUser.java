package it.familyaudit.workflow.security;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is calling: the Camunda user, its groups (our roles) and its tenants (the organisations it
 * may act in: its own, or the ones it is assigned to as professional). The agency and the council
 * act in every organisation; their tenants are not listed.
 */
public record CurrentUser(String id, Set<String> groups, Set<String> tenants) implements AuthenticatedPrincipal {

    public CurrentUser {
        groups = Set.copyOf(groups);
        tenants = Set.copyOf(tenants);
    }

    /** The principal's name, as Spring Security and the logs show it. */
    @Override
    public String getName() {
        return id;
    }

    public boolean has(String role) {
        return groups.contains(role);
    }

    public boolean hasAny(Set<String> roles) {
        return !Collections.disjoint(groups, roles);
    }

    /** The agency and the council see every organisation. */
    public boolean seesAllOrganisations() {
        return hasAny(Roles.AGENCY_ROLES);
    }

    public boolean mayActIn(String tenant) {
        return tenant != null && (seesAllOrganisations() || tenants.contains(tenant));
    }

    public List<String> groupList() {
        return List.copyOf(groups);
    }

    public List<String> tenantList() {
        return List.copyOf(tenants);
    }
}
