package it.familyaudit.workflow.plan;

import java.time.Instant;

/** One version of the action plan (a fuller plan model comes with the plan issue). */
public record PlanVersion(long id, long certificationId, int versionNo, PlanStatus status, String title, String summary,
                          int actionsCount, String changeNote, String submittedBy, Instant submittedAt,
                          String decidedBy, Instant decidedAt, String decisionNote) {
}
