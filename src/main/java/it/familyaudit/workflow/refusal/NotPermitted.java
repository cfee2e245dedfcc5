package it.familyaudit.workflow.refusal;

/** The caller's role or assignment does not allow what they asked for. */
public abstract non-sealed class NotPermitted extends Refusal {

    protected NotPermitted(String message) {
        super(message);
    }
}
