/**
 * The action plan as versions of structured content (fields of investigation, actions, indicators).
 * The working group drafts a version, with the referent and the consultant, through the plan API and
 * submits it with its task; management approves and signs it or sends it back, and the next draft
 * starts as a copy. After the certificate a revision follows the same path without a process. Only a
 * draft changes; {@link it.familyaudit.workflow.plan.PlanRules} holds what makes a plan valid and complete.
 * How a version travels as a spreadsheet and is printed as a PDF is in {@code transfer}.
 */
package it.familyaudit.workflow.plan;
