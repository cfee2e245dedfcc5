package it.familyaudit.workflow.plan;

/**
 * A version is a draft while the working group edits it, then submitted, then approved or sent back;
 * only a draft may change, an approved version is frozen.
 */
public enum PlanStatus {
    DRAFT, SUBMITTED, APPROVED, CHANGES_REQUESTED
}
