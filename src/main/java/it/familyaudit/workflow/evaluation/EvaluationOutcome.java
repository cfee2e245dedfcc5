package it.familyaudit.workflow.evaluation;

import java.util.Arrays;

/**
 * What the evaluator concludes after the visit. The value is the form's option and the process variable the
 * gateway reads ({@code integration} sends the plan back to drafting); the Italian words are the documents'.
 */
public enum EvaluationOutcome {

    POSITIVE("positive", "positivo"),
    INTEGRATION("integration", "integrazione richiesta"),
    NEGATIVE("negative", "negativo");

    private final String value;
    private final String italian;

    EvaluationOutcome(String value, String italian) {
        this.value = value;
        this.italian = italian;
    }

    /** As the form submits it and the report stores it. */
    public String value() {
        return value;
    }

    public String italian() {
        return italian;
    }

    /** The outcome of a form value; the form allows only these three, so any other is a programming error. */
    static EvaluationOutcome of(String value) {
        return Arrays.stream(values()).filter(o -> o.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown evaluation outcome: " + value));
    }
}
