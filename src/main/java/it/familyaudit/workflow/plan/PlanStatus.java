package it.familyaudit.workflow.plan;

/** A version is submitted by the working group and then approved or sent back; an approved one is frozen. */
public enum PlanStatus {
    SUBMITTED, APPROVED, CHANGES_REQUESTED
}
