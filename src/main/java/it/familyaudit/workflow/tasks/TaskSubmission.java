package it.familyaudit.workflow.tasks;

/** A validated completion of a task, with who completed it. */
public record TaskSubmission(String taskId, String taskKey, long certificationId, String actor, FormValues values) {
}
