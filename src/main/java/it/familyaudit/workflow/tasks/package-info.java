/**
 * The contract every step of the cycle implements: the Camunda Forms in {@code forms/}, their
 * server-side validation, the listener every user task gets (bound through the engine's
 * {@link it.familyaudit.workflow.engine.UserTaskBinding}), the submission a step receives and the
 * outcome it returns, and the reminders and escalations of overdue tasks. Knows nothing of
 * certifications: steps plug in through {@link it.familyaudit.workflow.tasks.TaskStep}, and the
 * certification is reached through {@link it.familyaudit.workflow.tasks.CertificationJournal}.
 */
package it.familyaudit.workflow.tasks;
