package it.familyaudit.workflow.engine;

/**
 * A change to Camunda's users, roles (group memberships) or organisations (tenant memberships)
 * that really happened, or a failed password check, as {@link IdentityChanges} hears of it.
 *
 * @param organization the tenant concerned, for tenant memberships
 * @param subject      the user (or, for a group's tenant membership, the group) concerned
 * @param detail       one Italian word or two saying what exactly ("ruolo referent", "utente", "gruppo")
 */
public record IdentityChange(Kind kind, String organization, String subject, String detail) {

    public enum Kind {
        USER_CREATED, USER_DELETED, ROLE_GRANTED, ROLE_REVOKED, ORGANISATION_MEMBER_ADDED,
        ORGANISATION_MEMBER_REMOVED, LOGIN_FAILED
    }
}
