package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.refusal.StateConflict;

/** A kind of cycle the organisation cannot start now (maintenance without an Executive). */
public final class CycleNotAllowed extends StateConflict {

    CycleNotAllowed(String message) {
        super(message);
    }
}
