/**
 * What the documents the application writes (certificates, plans, invitation slips) share: text the
 * standard PDF fonts can draw.
 */
package it.familyaudit.workflow.document;
