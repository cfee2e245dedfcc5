/**
 * The action plan as versions: drafted and submitted by the working group, approved and signed or sent
 * back by management. A decided version is not changed again.
 */
package it.familyaudit.workflow.plan;
