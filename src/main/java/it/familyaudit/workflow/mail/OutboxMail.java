package it.familyaudit.workflow.mail;

import java.time.Instant;

/**
 * One mail of the outbox, as the sender and the agency's page read it.
 *
 * @param params what the mail says, as JSON ({@link MailWords} puts the words together)
 */
public record OutboxMail(long id, String key, NoticeKind kind, Long certificationId, String taskId, String recipientId,
                         String recipientName, String address, String language, String subject, String params, String status, int attempts,
                         Instant nextAttemptAt, String lastError, Long digestId, Instant createdAt, Instant sentAt,
                         String resentBy, int resends) {

    public boolean delivered() {
        return "SENT".equals(status) || "LOGGED".equals(status) || "DIGESTED".equals(status);
    }
}
