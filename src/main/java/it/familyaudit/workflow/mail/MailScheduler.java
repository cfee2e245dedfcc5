package it.familyaudit.workflow.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox and runs the scans on this node's own clock; off in the tests, which drive each step
 * themselves ({@code family-audit.mail.scheduled: false}). Each node runs it: the outbox's claims and the jobs'
 * locks keep two nodes from sending the same mail or running the same scan.
 */
@Component
@ConditionalOnProperty(name = "family-audit.mail.scheduled", havingValue = "true", matchIfMissing = true)
class MailScheduler {

    private final OutboxSender sender;
    private final DueDateReminders reminders;
    private final Digests digests;

    MailScheduler(OutboxSender sender, DueDateReminders reminders, Digests digests) {
        this.sender = sender;
        this.reminders = reminders;
        this.digests = digests;
    }

    @Scheduled(fixedDelayString = "${family-audit.mail.drain-interval:5s}", initialDelayString = "10s")
    void drain() {
        sender.drain();
    }

    @Scheduled(fixedDelayString = "${family-audit.mail.scan-interval:5m}", initialDelayString = "30s")
    void scan() {
        reminders.run();
        digests.run();
    }
}
