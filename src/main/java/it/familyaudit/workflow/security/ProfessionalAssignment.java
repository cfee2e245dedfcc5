package it.familyaudit.workflow.security;

import java.util.Collection;

/**
 * The consultant and the evaluator a certification names, and the one rule for what that lets
 * them do: a consultant's or evaluator's task, or certification, is for the professional the
 * certification assigns to that role, not for every holder of the role in the organisation.
 * The inbox, the task listener (for Tasklist and {@code /engine-rest}) and the certification's
 * visibility all ask here.
 */
public record ProfessionalAssignment(String consultant, String evaluator) {

    /**
     * @param heldRoles the user's roles
     * @param roles     the roles the task or page is for
     * @return whether one of those roles, held by the user, is one the certification assigns to them
     */
    public boolean lets(String userId, Collection<String> heldRoles, Collection<String> roles) {
        return userId != null
                && (assigned(Roles.CONSULTANT, consultant, userId, heldRoles, roles)
                    || assigned(Roles.EVALUATOR, evaluator, userId, heldRoles, roles));
    }

    private static boolean assigned(String role, String assignee, String userId, Collection<String> heldRoles,
                                    Collection<String> roles) {
        return roles.contains(role) && heldRoles.contains(role) && userId.equals(assignee);
    }
}
