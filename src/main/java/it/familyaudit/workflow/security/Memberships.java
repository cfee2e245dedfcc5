package it.familyaudit.workflow.security;

import it.familyaudit.workflow.engine.EngineIndex;
import it.familyaudit.workflow.engine.EngineMemberships;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A user's roles (Camunda groups) and organisations (tenants), as the engine's identity tables hold
 * them. What was read is kept for a few seconds ({@link KnownMemberships}); Camunda Admin still
 * manages the memberships, and a change applies to the very next call.
 */
@Component
class Memberships {

    /** The index the lookup needs: the agency's and the council's groups belong to every organisation. */
    static final EngineIndex ROLE_TENANTS = EngineMemberships.tenantsOfGroupsOtherThan(Roles.AGENCY_ROLES);

    private final EngineMemberships engine;
    private final KnownMemberships known;

    Memberships(EngineMemberships engine, KnownMemberships known) {
        this.engine = engine;
        this.known = known;
    }

    /**
     * The agency and the council act in every organisation: their groups belong to every tenant,
     * and they are given none, which {@link CurrentUser} reads as all.
     */
    CurrentUser of(String userId) {
        return known.of(userId, this::read);
    }

    private CurrentUser read(String userId) {
        EngineMemberships.Memberships found = engine.of(userId, Roles.AGENCY_ROLES);
        Set<String> groups = found.groups();
        Set<String> tenants = new HashSet<>(found.tenants());
        if (groups.stream().anyMatch(Roles.AGENCY_ROLES::contains)) {
            tenants.clear();
        }
        return new CurrentUser(userId, groups, tenants);
    }
}
