package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import java.util.List;

/** Why the organisation withdraws; required, at most 2,000 characters (the service checks it for every way in). */
record WithdrawalRequest(String reason) {

    static final int MAX_REASON = 2000;

    static String validReason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new FormValidationException(List.of(new FieldError("reason", "Campo obbligatorio")));
        }
        if (r.length() > MAX_REASON) {
            throw new FormValidationException(List.of(new FieldError("reason", "Al massimo " + MAX_REASON + " caratteri")));
        }
        return r;
    }
}
