/**
 * The organisations taking part. Each is also a Camunda tenant: its staff are members, the agency and
 * the council are members as groups, an assigned consultant or evaluator joins while assigned.
 */
package it.familyaudit.workflow.organization;
