/**
 * The internal working group, with the traits its representativeness is judged on, and the needs-
 * survey step (a placeholder that records that the questionnaire ran, until the anonymous
 * questionnaire arrives).
 */
package it.familyaudit.workflow.workinggroup;
