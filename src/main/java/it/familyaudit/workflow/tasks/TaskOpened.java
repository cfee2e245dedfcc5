package it.familyaudit.workflow.tasks;

import java.time.Instant;
import java.util.Set;

/**
 * A user task was created, published inside the engine's transaction (so a listener's writes commit or
 * roll back with it). Its people are its {@code candidateGroups} in the certification's organisation, or
 * the {@code assignee} when it has one.
 *
 * @param due {@code null} when the task has no due date
 */
public record TaskOpened(String taskId, String taskKey, String taskName, long certificationId,
                         Set<String> candidateGroups, String assignee, Instant due) {

    public TaskOpened {
        candidateGroups = Set.copyOf(candidateGroups);
    }
}
