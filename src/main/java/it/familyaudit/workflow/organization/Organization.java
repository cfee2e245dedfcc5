package it.familyaudit.workflow.organization;

/** An organisation taking part; {@code code} is also its Camunda tenant id. */
public record Organization(long id, String code, String name, String kind) {
}
