/**
 * The certificates and their register: the Family Audit certificate and the Family Audit Executive, each
 * with a number {@code FA-<year>-<seq>}, issue date, verification code and status (valid, revoked,
 * withdrawn), and the PDF drawn from the register entry.
 */
package it.familyaudit.workflow.certificate;
