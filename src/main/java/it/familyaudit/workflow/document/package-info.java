/**
 * What the documents the application writes (certificates, plans, evaluation reports, invitation
 * slips) share: text the standard PDF fonts can draw, and the A4 page layout of the longer ones.
 */
package it.familyaudit.workflow.document;
