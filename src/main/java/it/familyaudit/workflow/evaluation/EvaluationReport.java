package it.familyaudit.workflow.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The evaluator's report after the visit, as delivered: it never changes afterwards. {@code evaluator} is a user
 * id; whoever shows the report names the person.
 *
 * @param integrationRequests what the organisation must add, or {@code null} when nothing was asked
 */
public record EvaluationReport(long id, LocalDate visitDate, String findings, String reportText,
                               EvaluationOutcome outcome, String integrationRequests, String evaluator,
                               Instant submittedAt) {
}
