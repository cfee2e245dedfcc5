/**
 * Errors as RFC 7807 problem details, Italian first, English second.
 */
package it.familyaudit.workflow.web;
