package it.familyaudit.workflow.certification;

import java.time.Instant;

/**
 * One step in a certification's history.
 *
 * @param kind  {@code TASK_COMPLETED} for a person's step, otherwise what the engine did
 */
public record TimelineEntry(String kind, String taskKey, String decision, String summary, String actor, Instant occurredAt) {
}
