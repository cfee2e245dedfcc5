/**
 * The internal working group, with the traits its representativeness is judged on (gender, age
 * band, job category, contract type).
 */
package it.familyaudit.workflow.workinggroup;
