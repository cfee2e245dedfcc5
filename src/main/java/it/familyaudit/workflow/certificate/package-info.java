/**
 * The certificates and their register: number {@code FA-<year>-<seq>}, issue date, verification code,
 * and the PDF drawn from the register entry.
 */
package it.familyaudit.workflow.certificate;
