package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import java.time.LocalDate;
import java.util.List;

/** A check the forms of several certification steps share. */
final class StepChecks {

    private StepChecks() {
    }

    static void notInFuture(LocalDate date, String field, List<FieldError> errors) {
        if (date != null && date.isAfter(EngineTime.today())) {
            errors.add(new FieldError(field, "La data non può essere nel futuro"));
        }
    }
}
