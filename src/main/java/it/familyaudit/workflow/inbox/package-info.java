/**
 * My tasks, a way in ({@code /api/tasks}): the list, one task with its form and current values,
 * and its completion through the same listener that Tasklist and {@code /engine-rest} pass. Who may
 * see a task is decided here (organisation, role, assignment) before the engine is asked.
 */
package it.familyaudit.workflow.inbox;
