package it.familyaudit.workflow.monitoring;

import java.util.Arrays;
import java.util.Optional;

/** What the yearly report says of an action; a rescheduled or cancelled action always carries its reason. */
public enum ActionState {
    NOT_STARTED("not-started", "Non avviata"),
    IN_PROGRESS("in-progress", "In corso"),
    DONE("done", "Realizzata"),
    RESCHEDULED("rescheduled", "Riprogrammata"),
    CANCELLED("cancelled", "Annullata");

    private final String formValue;
    private final String italian;

    ActionState(String formValue, String italian) {
        this.formValue = formValue;
        this.italian = italian;
    }

    /** The value the forms use. */
    public String formValue() {
        return formValue;
    }

    public String italian() {
        return italian;
    }

    public boolean needsReason() {
        return this == RESCHEDULED || this == CANCELLED;
    }

    /** Work that has been done, so its indicators can be measured. */
    public boolean measured() {
        return this == IN_PROGRESS || this == DONE;
    }

    /** Nothing more will be done on it in later years. */
    public boolean closed() {
        return this == DONE || this == CANCELLED;
    }

    public static Optional<ActionState> ofForm(String value) {
        return Arrays.stream(values()).filter(s -> s.formValue.equals(value)).findFirst();
    }
}
