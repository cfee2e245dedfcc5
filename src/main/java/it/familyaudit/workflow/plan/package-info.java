/**
 * The action plan as versions: drafted and submitted by the working group, approved and signed or sent
 * back by management. A decided version is not changed again. A version travels as a spreadsheet (CSV or .xlsx,
 * one layout: {@code PlanColumn}), read all or nothing with every error placed on its row and column, and is
 * printed as a PDF.
 */
package it.familyaudit.workflow.plan;
