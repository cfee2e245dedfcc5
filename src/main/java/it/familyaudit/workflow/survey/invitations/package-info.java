/**
 * The single-use invitation codes: how a code is made, typed and recognised (only a keyed hash of it
 * is stored, and the key goes when the campaign closes), and the one download that hands the codes
 * out in clear, a CSV for mail merge and a PDF of slips. Apart because the campaign issues the codes
 * and the public page takes them back, and neither needs to know how a code is made.
 */
package it.familyaudit.workflow.survey.invitations;
