package it.familyaudit.workflow.accounts;

/**
 * A person's own e-mail address, as their preferences show it.
 *
 * @param email      {@code null} when they have none
 * @param changeable false for those who sign in through an identity provider, which sets it at each sign-in
 */
public record OwnEmail(String email, boolean changeable) {
}
