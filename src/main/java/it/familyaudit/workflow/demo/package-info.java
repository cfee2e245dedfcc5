/**
 * Demo data for the {@code demo} profile: the seed municipality, a second one, and one user per role.
 */
package it.familyaudit.workflow.demo;
