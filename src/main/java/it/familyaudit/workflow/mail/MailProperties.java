package it.familyaudit.workflow.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How mail is sent ({@code family-audit.mail}); the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from            the sender every mail carries
 * @param portalUrl       the portal's address, for the links in the mails
 * @param reminders       before a task's due date, when its people are reminded (7 days and 1 day)
 * @param escalationAfter after a task's due date, when its organisation's management and the agency are told
 * @param digestHour      the hour (Europe/Rome) the daily digest is sent
 * @param scheduled       whether this node drains the outbox and runs the scans on its own (tests drive them)
 * @param drainInterval   how often the outbox is drained
 * @param batchSize       the most mails one claim takes
 * @param maxRate         the most mails a second one node sends: an SMTP relay limits its clients anyway, and a
 *                        drain of a few thousand mails must leave the CPU to the people using the portal
 * @param maxAttempts     the tries of a mail before it is given up as failed
 * @param retryDelay      the wait after a first failure, doubled after each further one up to {@code retryMaxDelay}
 * @param retryMaxDelay   the longest wait between two tries
 * @param claimFor        how long a sender holds the mails it claimed; a node that dies frees them after this
 */
@ConfigurationProperties("family-audit.mail")
public record MailProperties(String from, String portalUrl, List<Duration> reminders, Duration escalationAfter,
                             Integer digestHour, Boolean scheduled, Duration drainInterval, Integer batchSize,
                             Integer maxRate, Integer maxAttempts, Duration retryDelay, Duration retryMaxDelay, Duration claimFor) {

    public MailProperties {
        from = from == null || from.isBlank() ? "Family Audit <noreply@familyaudit.example>" : from;
        portalUrl = portalUrl == null || portalUrl.isBlank() ? "http://localhost:8080" : portalUrl.replaceAll("/+$", "");
        reminders = reminders == null ? List.of(Duration.ofDays(7), Duration.ofDays(1))
                : reminders.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        escalationAfter = escalationAfter == null ? Duration.ofDays(1) : escalationAfter;
        digestHour = digestHour == null ? 7 : digestHour;
        scheduled = scheduled == null || scheduled;
        drainInterval = drainInterval == null ? Duration.ofSeconds(5) : drainInterval;
        batchSize = batchSize == null ? 25 : batchSize;
        maxRate = maxRate == null ? 25 : maxRate;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        retryDelay = retryDelay == null ? Duration.ofMinutes(1) : retryDelay;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofHours(1) : retryMaxDelay;
        claimFor = claimFor == null ? Duration.ofMinutes(5) : claimFor;
        if (digestHour < 0 || digestHour > 23) {
            throw new IllegalArgumentException("family-audit.mail.digest-hour must be between 0 and 23, not " + digestHour);
        }
        if (batchSize < 1 || maxRate < 1 || maxAttempts < 1 || reminders.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("family-audit.mail: batch-size, max-attempts and reminders must be positive");
        }
    }

    /** The wait before try number {@code attempts + 1}. */
    Duration retryAfter(int attempts) {
        Duration wait = retryDelay;
        for (int i = 1; i < attempts && wait.compareTo(retryMaxDelay) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : wait;
    }
}
