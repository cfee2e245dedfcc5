/**
 * Errors as RFC 7807 problem details, Italian first, English second; server failures of Camunda's
 * REST APIs without their technical details.
 */
package it.familyaudit.workflow.web;
