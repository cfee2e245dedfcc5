/**
 * The anonymous needs questionnaire. The referent opens a campaign (a user task of the
 * certification process); employees answer on a public page, with a single-use code or a shared
 * link; the campaign closes at its closing date (a timer) or earlier at the referent's request, and
 * closing deletes the codes and shuffles the answers. Results are protected aggregates: groups of
 * fewer than {@code family-audit.questionnaire.min-group-size} answers are hidden, and so is
 * whatever would let them be worked out by subtraction ({@code Suppression}). The main needs feed
 * the plan, each with a finding code an action can cite.
 */
package it.familyaudit.workflow.survey;
