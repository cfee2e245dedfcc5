/**
 * A way in's answers when something goes wrong: refusals ({@link it.familyaudit.workflow.refusal})
 * and field errors as RFC 7807 problem details, Italian first, English second; server failures of
 * Camunda's REST APIs without their technical details. Features never import it.
 */
package it.familyaudit.workflow.web;
