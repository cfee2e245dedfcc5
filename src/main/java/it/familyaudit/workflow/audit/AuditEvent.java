package it.familyaudit.workflow.audit;

import java.time.Instant;

/**
 * One entry of the audit trail.
 *
 * @param actor            the user who acted ({@code system} for the engine's own jobs); for a
 *                         failed login, the user name that was tried
 * @param certificationId  the certification concerned, if any
 * @param organizationCode the organisation concerned, if any
 * @param subject          what was acted on: a task, a plan version, a certificate number, a user
 * @param detail           the decision or the change, in one line
 */
public record AuditEvent(long id, Instant occurredAt, String actor, AuditAction action, Long certificationId,
                         String organizationCode, String subject, String detail) {
}
