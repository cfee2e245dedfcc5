/**
 * A plan version outside the application: the spreadsheet, CSV or .xlsx in one column layout
 * ({@link it.familyaudit.workflow.plan.transfer.PlanColumn}), read all or nothing with every error
 * placed on its row and column, written so that reading it back gives the same plan; and the PDF
 * that prints a version. Apart from the plan's rules and storage, so that file formats, their limits
 * and their libraries (Commons CSV, POI, PDFBox) change here alone; a named interface because the
 * plan's service takes a {@link it.familyaudit.workflow.plan.transfer.PlanFormat} and the demo seeds
 * its plan from a CSV file.
 */
@org.springframework.modulith.NamedInterface("transfer")
package it.familyaudit.workflow.plan.transfer;
