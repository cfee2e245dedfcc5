/**
 * The evaluator's visit and report, with its outcome: positive, integration requested, or negative.
 */
package it.familyaudit.workflow.evaluation;
