package it.familyaudit.workflow.mail;

import it.familyaudit.workflow.engine.EngineTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The daily digest: at the set hour, each person who chose it gets one mail listing what was held for them
 * since the last one, and the held mails are marked as gathered into it. Run by one node at a time; running it
 * again the same day adds nothing (the digest's key is the person and the day).
 */
@Component
class Digests {

    private final Outbox outbox;
    private final Recipients recipients;
    private final MailPreferences preferences;
    private final MailWords words;
    private final MailProperties properties;
    private final MailJobs jobs;

    Digests(Outbox outbox, Recipients recipients, MailPreferences preferences, MailWords words,
            MailProperties properties, MailJobs jobs) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.preferences = preferences;
        this.words = words;
        this.properties = properties;
        this.jobs = jobs;
    }

    public boolean run() {
        return jobs.runAlone("digests", this::gather);
    }

    private void gather() {
        ZonedDateTime now = EngineTime.now().atZone(EngineTime.ZONE);
        ZonedDateTime cut = now.toLocalDate().atTime(properties.digestHour(), 0).atZone(EngineTime.ZONE);
        if (now.isBefore(cut)) {
            return; // today's digest is not due yet; yesterday's was gathered at its hour
        }
        Instant before = cut.toInstant();
        LocalDate day = cut.toLocalDate();
        for (String userId : outbox.holders(before)) {
            List<OutboxMail> held = outbox.held(userId, before);
            if (held.isEmpty()) {
                continue;
            }
            MailPreference p = preferences.of(userId);
            List<MailWords.Item> items = held.stream()
                    .map(m -> new MailWords.Item(m.subject(), words.read(m.params()).path())).toList();
            MailWords.Params params = new MailWords.Params(null, null, null, day, null, null, null, items.size(), items);
            String key = "digest:" + userId + ":" + day;
            Recipients.Recipient who = recipients.user(userId, false).orElse(null);
            String address = who == null ? null : who.email();
            outbox.add(List.of(new Outbox.Entry(key, NoticeKind.DIGEST, null, null, userId,
                    who == null ? userId : who.name(), address, p.language(),
                    words.subject(NoticeKind.DIGEST, p.language(), params), words.params(params),
                    address == null ? "FAILED" : "PENDING",
                    address == null ? "Nessun indirizzo e-mail per questa persona / No e-mail address" : null)));
            outbox.idOf(key).ifPresent(digest -> outbox.digested(held.stream().map(OutboxMail::id).toList(), digest));
        }
    }
}
