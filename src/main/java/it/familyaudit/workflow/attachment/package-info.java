/**
 * Files attached to a certification where the process produces them: the resolution on the
 * application, the kick-off workshop minutes, the evaluation report, evidence of an action in a
 * monitoring year, the council's decision. Each is checked by its content (PDF, PNG, JPEG, DOCX,
 * XLSX, ODT, ODS, within a configurable size), stored in the database with its SHA-256, uploader and
 * time, recorded in the audit trail, and never replaced: a new file of the same kind, year and action
 * is its next version. Whoever may see the certification may list and download them; who may attach
 * depends on the kind ({@link it.familyaudit.workflow.attachment.Attachments}).
 */
package it.familyaudit.workflow.attachment;
