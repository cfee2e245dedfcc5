/**
 * User tasks as people meet them: the Camunda Forms in {@code forms/}, their server-side validation,
 * the task listener that every user task gets, and the API for my tasks, one task with its form, and
 * its completion, with the reminders and escalations of overdue tasks the inbox shows. Knows nothing of
 * certifications: steps plug in through {@link it.familyaudit.workflow.tasks.TaskStep}.
 */
package it.familyaudit.workflow.tasks;
