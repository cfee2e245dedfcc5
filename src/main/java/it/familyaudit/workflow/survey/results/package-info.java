/**
 * The results of a closed campaign: the answers counted once, overall and by each profile question,
 * protected so that no figure gives away a group of fewer than
 * {@code family-audit.questionnaire.min-group-size} answers, directly or by subtraction
 * ({@link it.familyaudit.workflow.survey.results.Suppression}); the main needs for the plan, each
 * with the finding code an action cites; and the same aggregates as CSV. Apart because this is
 * where anonymity is decided by arithmetic, and it only reads what the campaign stored.
 */
package it.familyaudit.workflow.survey.results;
