package it.familyaudit.workflow.tasks;

import java.time.Instant;

/**
 * An overdue task's reminder or escalation was raised ({@link TaskAlerts}), published in the transaction
 * that raised it, once per task and kind.
 */
public record TaskAlertRaised(String taskId, TaskAlerts.Kind kind, long certificationId, String taskKey,
                              String taskName, String candidateGroup, Instant due) {
}
