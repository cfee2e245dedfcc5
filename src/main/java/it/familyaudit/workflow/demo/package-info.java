/**
 * Demo data for the {@code demo} profile: the seed municipality and a second one, one user per role, and the seed
 * municipality's certification brought to the drafting of its plan with the Capannori plan of the seed document.
 */
package it.familyaudit.workflow.demo;
