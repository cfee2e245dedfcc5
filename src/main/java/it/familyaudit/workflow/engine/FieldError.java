package it.familyaudit.workflow.engine;

/** One problem with one submitted field; {@code field} is the form key, {@code members[2].gender} in lists. */
public record FieldError(String field, String message) {
}
