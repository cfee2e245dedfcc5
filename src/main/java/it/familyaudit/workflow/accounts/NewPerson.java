package it.familyaudit.workflow.accounts;

/** Who the agency brings in, as its form sends them: each value as typed, checked by {@link Accounts}. */
public record NewPerson(String firstName, String lastName, String email, String role) {
}
