package it.familyaudit.workflow.plan;

/** A field of investigation (campo di indagine) of one plan: {@code code} is what action codes start with. */
public record PlanField(String code, String name) {
}
