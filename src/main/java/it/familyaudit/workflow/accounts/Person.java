package it.familyaudit.workflow.accounts;

import java.util.List;

/**
 * Someone who signs in, as the agency's pages list them.
 *
 * @param roles their roles among those the agency gives (group ids, in the order of {@code Roles.ALL})
 */
public record Person(String userId, String firstName, String lastName, String email, List<String> roles) {

    public Person {
        roles = List.copyOf(roles);
    }

    /** "Maria Rossi", or the user id for a user without a name. */
    public String name() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? userId : name;
    }
}
