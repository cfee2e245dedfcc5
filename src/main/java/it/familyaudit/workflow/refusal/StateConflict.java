package it.familyaudit.workflow.refusal;

/**
 * What was asked for does not fit the current state of things (a task already completed, a plan
 * already decided, a questionnaire closed): asking again later, or after another step, may work.
 */
public abstract non-sealed class StateConflict extends Refusal {

    protected StateConflict(String message) {
        super(message);
    }
}
