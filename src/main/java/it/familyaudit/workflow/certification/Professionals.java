package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.EngineAccess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Consultants and evaluators as Camunda users: the choices a form offers, the check that a choice
 * is one of them, and the tenant membership that lets an assigned professional see the
 * organisation's tasks. Called from inside engine commands only.
 */
final class Professionals {

    private Professionals() {
    }

    /** Options for a form-js select: [{label, value}], sorted by name. */
    static List<Map<String, String>> options(String group, String excluded) {
        return EngineAccess.asSystem(() -> identity().createUserQuery().memberOfGroup(group)
                .orderByUserLastName().asc().list().stream()
                .filter(u -> !u.getId().equals(excluded))
                .map(u -> Map.of("label", displayName(u), "value", u.getId()))
                .toList());
    }

    static boolean isMember(String userId, String group) {
        return userId != null && EngineAccess.asSystem(
                () -> identity().createUserQuery().userId(userId).memberOfGroup(group).count() == 1);
    }

    /** Lets the professional work in the organisation's tenant; doing it twice is harmless. */
    static void grantAccess(String organizationCode, String userId) {
        EngineAccess.asSystem(() -> {
            IdentityService identity = identity();
            boolean member = identity.createTenantQuery().tenantId(organizationCode).userMember(userId).count() > 0;
            if (!member) {
                identity.createTenantUserMembership(organizationCode, userId);
            }
        });
    }

    /** Ends the professional's access to the organisation's tenant; doing it twice is harmless. */
    static void revokeAccess(String organizationCode, String userId) {
        EngineAccess.asSystem(() -> {
            IdentityService identity = identity();
            if (identity.createTenantQuery().tenantId(organizationCode).userMember(userId).count() > 0) {
                identity.deleteTenantUserMembership(organizationCode, userId);
            }
        });
    }

    private static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
    }

    private static IdentityService identity() {
        return EngineAccess.identityService();
    }
}
