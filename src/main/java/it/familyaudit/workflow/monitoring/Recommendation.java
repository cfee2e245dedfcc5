package it.familyaudit.workflow.monitoring;

/** Italian names of what the decision table, the evaluator and the council say about a round. */
final class Recommendation {

    static final String CONFIRM = "confirm";
    static final String CONFIRM_WITH_REMARKS = "confirm-with-remarks";
    static final String PROPOSE_REVOCATION = "propose-revocation";

    private Recommendation() {
    }

    /** A recommendation (decision table or evaluator). */
    static String italian(String recommendation) {
        if (recommendation == null) {
            return null;
        }
        return switch (recommendation) {
            case CONFIRM -> "confermare";
            case CONFIRM_WITH_REMARKS -> "confermare con osservazioni";
            case PROPOSE_REVOCATION -> "proporre la revoca";
            default -> recommendation;
        };
    }

    /** A decision of the council. */
    static String decision(String decision) {
        if (decision == null) {
            return null;
        }
        return switch (decision) {
            case "confirm" -> "conferma";
            case "corrective" -> "misure correttive";
            case "revoke" -> "revoca";
            case "recognise" -> "piano riconosciuto come attuato";
            default -> decision;
        };
    }
}
