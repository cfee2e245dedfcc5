/**
 * The anonymous needs questionnaire. The referent opens a campaign (a user task of the
 * certification process); employees answer on a public page ({@code publicpage}), with a
 * single-use code ({@code invitations}) or a shared link; the campaign closes at its closing date
 * (a timer) or earlier at the referent's request, and closing deletes the codes and shuffles the
 * answers. Results ({@code results}) are protected aggregates: groups of fewer than
 * {@code family-audit.questionnaire.min-group-size} answers are hidden, and so is whatever would let
 * them be worked out by subtraction. The main needs feed the plan, each with a finding code an
 * action can cite. Here: the campaign, its questions, its repository, service, API and steps.
 */
package it.familyaudit.workflow.survey;
