package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import java.util.List;

/** Why the organisation withdraws; required, at most 2,000 characters. */
record WithdrawalRequest(String reason) {

    String validReason() {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new FormValidationException(List.of(new FieldError("reason", "Campo obbligatorio")));
        }
        if (r.length() > 2000) {
            throw new FormValidationException(List.of(new FieldError("reason", "Al massimo 2000 caratteri")));
        }
        return r;
    }
}
