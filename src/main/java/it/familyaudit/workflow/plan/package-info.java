/**
 * The action plan as versions of structured content (fields of investigation, actions, indicators).
 * The working group drafts a version, with the referent and the consultant, through the plan API and
 * submits it with its task; management approves and signs it or sends it back, and the next draft
 * starts as a copy. After the certificate a revision follows the same path without a process. Only a
 * draft changes; {@link it.familyaudit.workflow.plan.PlanRules} holds what makes a plan valid and complete.
 * A version travels as a spreadsheet (CSV or .xlsx, one layout: {@code PlanColumn}), read all or nothing
 * with every error placed on its row and column, and is printed as a PDF.
 */
package it.familyaudit.workflow.plan;
