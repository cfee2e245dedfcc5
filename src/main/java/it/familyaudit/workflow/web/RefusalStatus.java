package it.familyaudit.workflow.web;

import it.familyaudit.workflow.refusal.NotFound;
import it.familyaudit.workflow.refusal.NotPermitted;
import it.familyaudit.workflow.refusal.Refusal;
import it.familyaudit.workflow.refusal.StateConflict;
import it.familyaudit.workflow.refusal.TooLarge;
import org.springframework.http.HttpStatus;

/** The answer each kind of refusal gets, the same for the API's problem details and the portal's pages. */
public final class RefusalStatus {

    private RefusalStatus() {
    }

    public static HttpStatus of(Refusal refusal) {
        if (refusal instanceof NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof NotPermitted) {
            return HttpStatus.FORBIDDEN;
        }
        if (refusal instanceof StateConflict) {
            return HttpStatus.CONFLICT;
        }
        return refusal instanceof TooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
    }
}
