/**
 * Our settings of the Camunda engine (tenants per organisation, our task listeners, field errors
 * passed on as such, the indexes its tables lack for our queries) and the helpers that keep engine
 * calls in one place: the engine clock and running our own checked code without the caller's
 * Camunda rights.
 */
package it.familyaudit.workflow.engine;
