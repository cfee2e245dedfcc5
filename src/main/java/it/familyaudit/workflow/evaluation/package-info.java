/**
 * The evaluator's visit and report, with its outcome: positive, integration requested, or negative.
 * The report is written once, when the visit task completes; {@code EvaluationReports} gives it, on
 * screen or as a PDF, to whoever may see the certification.
 */
package it.familyaudit.workflow.evaluation;
