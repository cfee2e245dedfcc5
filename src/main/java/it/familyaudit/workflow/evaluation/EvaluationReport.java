package it.familyaudit.workflow.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/** The evaluator's report after the visit: {@code outcome} is positive, integration or negative. */
public record EvaluationReport(long id, LocalDate visitDate, String findings, String outcome, String integrationRequests,
                               String evaluator, Instant submittedAt) {
}
