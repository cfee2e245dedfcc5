package it.familyaudit.workflow.plan;

import java.time.Instant;

/**
 * One version of the action plan. {@code submittedBy}/{@code submittedAt} are empty while it is a draft;
 * {@code basedOnVersion} names the version it was copied from.
 */
public record PlanVersion(long id, long certificationId, int versionNo, PlanStatus status, String title, String summary,
                          int actionsCount, String changeNote, String submittedBy, Instant submittedAt,
                          String decidedBy, Instant decidedAt, String decisionNote, boolean fieldsMandatory,
                          Integer basedOnVersion, String createdBy, Instant createdAt, String signatoryName,
                          String signatoryRole) {
}
