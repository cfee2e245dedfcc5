package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.EngineAccess;
import org.camunda.bpm.engine.IdentityService;

/**
 * Consultants and evaluators as Camunda users: the check that a form's choice is one of them, and the tenant membership that lets an assigned professional see the
 * organisation's tasks. Called from inside engine commands only.
 */
final class Professionals {

    private Professionals() {
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

    private static IdentityService identity() {
        return EngineAccess.identityService();
    }
}
