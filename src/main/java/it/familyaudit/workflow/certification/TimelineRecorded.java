package it.familyaudit.workflow.certification;

/**
 * Something was written in a certification's timeline, published in the transaction that wrote it: a task
 * completed ({@code kind} {@code TASK_COMPLETED}, with its {@code taskKey} and {@code decision}) or an event
 * outside tasks ({@code CERTIFICATE_ISSUED}, {@code MONITORING_OPENED}, {@code DEADLINE_WARNING} …).
 *
 * @param entryId the entry's own id, unique
 */
public record TimelineRecorded(long entryId, long certificationId, String kind, String taskKey, String decision, String summary,
                               String actor) {
}
