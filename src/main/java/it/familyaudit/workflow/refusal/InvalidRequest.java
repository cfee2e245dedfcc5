package it.familyaudit.workflow.refusal;

/** The request itself is malformed (a page size out of range, a body that is not JSON). */
public abstract non-sealed class InvalidRequest extends Refusal {

    protected InvalidRequest(String message) {
        super(message);
    }
}
