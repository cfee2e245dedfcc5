package it.familyaudit.workflow.refusal;

/**
 * What was asked for does not exist, or the caller may not know that it does: another
 * organisation's ids reveal nothing.
 */
public abstract non-sealed class NotFound extends Refusal {

    /** @param what the Italian name of the missing thing, feminine or masculine as its noun wants */
    protected NotFound(String what, boolean feminine) {
        super(what + (feminine ? " non trovata" : " non trovato") + " / not found");
    }

    /** When "not found" is not the best way to say it ("Il piano non è ancora stato redatto"). */
    protected NotFound(String message) {
        super(message);
    }
}
