package it.familyaudit.workflow.engine;

/**
 * Hears of every change to Camunda's users and memberships, whatever makes it: Camunda Admin,
 * {@code /engine-rest}, our services, single sign-on provisioning or a login form. Implemented by
 * the features that must know (the audit trail, the remembered memberships) as Spring beans; they
 * are called inside the engine's command, in its transaction.
 */
public interface IdentityChanges {

    /** Before a change that may alter this user's roles or organisations. */
    default void membershipsChanging(String userId) {
    }

    /** Before a change that may alter anyone's roles or organisations (a group's or an organisation's). */
    default void allMembershipsChanging() {
    }

    /** After a change that really happened (Camunda answers "none" when there was nothing to do). */
    default void changed(IdentityChange change) {
    }
}
