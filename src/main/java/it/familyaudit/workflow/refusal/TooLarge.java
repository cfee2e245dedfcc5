package it.familyaudit.workflow.refusal;

/** What was sent is larger than the application accepts. */
public abstract non-sealed class TooLarge extends Refusal {

    protected TooLarge(String message) {
        super(message);
    }
}
