package it.familyaudit.workflow.evaluation;

import it.familyaudit.workflow.refusal.NotFound;

/** What the evaluation refuses, one class per fact. */
public final class EvaluationRefusals {

    private EvaluationRefusals() {
    }

    /** No such report, or one of another certification: the id reveals nothing either way. */
    public static final class EvaluationReportNotFound extends NotFound {

        EvaluationReportNotFound() {
            super("Rapporto di valutazione", false);
        }
    }
}
