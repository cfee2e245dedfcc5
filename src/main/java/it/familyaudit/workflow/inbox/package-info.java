/**
 * My tasks, a way in ({@code /api/tasks}) and the service the portal's task pages call: the list,
 * one task with its form and current values, its completion through the same listener that
 * Tasklist and {@code /engine-rest} pass, and taking a group's task in charge. Who may see a task
 * is decided here (organisation, role, assignment) before the engine is asked.
 */
package it.familyaudit.workflow.inbox;
