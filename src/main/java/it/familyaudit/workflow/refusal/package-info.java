/**
 * The kinds of refusal (not found, not permitted, conflicting with the current state, a malformed
 * request, too large) that each feature's exceptions extend, one named class per fact. The ground
 * of the house: it depends on nothing, and only the ways in ({@code web}) turn a kind into an answer.
 */
package it.familyaudit.workflow.refusal;
