package it.familyaudit.workflow.mail;

import it.familyaudit.workflow.engine.EngineTime;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox: claims a batch (committed at once, so another node skips it), sends it over one SMTP
 * connection, then marks each mail sent, or to be tried again later with a growing wait, or failed once the
 * tries are spent or the server refused the address. An SMTP server that is down delays mail and loses none.
 * Each mail's Message-ID is made from its outbox row, so a mail sent again after a node died between sending
 * and marking is recognised by mail programs as the same one. Without an SMTP server ({@code spring.mail.host}
 * unset, as in the demo) each mail is written to the log instead.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final MailWords words;
    private final MailProperties properties;
    private final TransactionTemplate transaction;
    private final JavaMailSender smtp;
    private final Session session = Session.getInstance(new Properties());
    private final InternetAddress from;

    OutboxSender(Outbox outbox, MailWords words, MailProperties properties,
                 TransactionTemplate transaction, ObjectProvider<JavaMailSender> smtp) {
        this.outbox = outbox;
        this.words = words;
        this.properties = properties;
        this.transaction = transaction;
        this.smtp = smtp.getIfAvailable();
        try {
            this.from = new InternetAddress(properties.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("family-audit.mail.from is not an address: " + properties.from(), e);
        }
    }

    /**
     * Sends what is due until nothing is, at most {@code max-rate} mails a second: the first second's worth at
     * once, then paced. @return how many mails were sent (or logged)
     */
    public int drain() {
        long started = System.nanoTime();
        int sent = 0;
        int batch;
        do {
            batch = sendBatch();
            sent += batch;
            long ahead = (long) (sent * 1e9 / properties.maxRate()) - (System.nanoTime() - started);
            if (batch > 0 && sent > properties.maxRate() && ahead > 0) {
                try {
                    Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return sent; // the node is stopping: the rest waits in the outbox
                }
            }
        } while (batch > 0);
        return sent;
    }

    /** One batch; @return the mails of it delivered (a batch whose every mail failed answers 0, ending the drain). */
    int sendBatch() {
        Instant now = EngineTime.now();
        List<OutboxMail> claimed = transaction.execute(s -> outbox.claim(now, properties.batchSize(),
                now.plus(properties.claimFor())));
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        Map<MimeMessage, OutboxMail> messages = new HashMap<>();
        List<MimeMessage> ordered = new ArrayList<>();
        for (OutboxMail mail : claimed) {
            try {
                MimeMessage message = message(mail);
                messages.put(message, mail);
                ordered.add(message);
            } catch (MessagingException | RuntimeException e) {
                // A mail that cannot be written will not be written better later.
                log.warn("Mail {} ({}) cannot be composed: {}", mail.id(), mail.kind(), e.toString());
                outbox.failed(mail.id(), "Composizione non riuscita / Cannot compose: " + e.getMessage(), null);
            }
        }
        if (smtp == null) {
            for (MimeMessage m : ordered) {
                OutboxMail mail = messages.get(m);
                log.info("Mail (no SMTP server configured, spring.mail.host) to {}: {}", mail.address(), mail.subject());
                outbox.sent(mail.id(), "LOGGED");
            }
            return ordered.size();
        }
        Map<Object, Exception> failures = new HashMap<>();
        try {
            smtp.send(ordered.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failures.putAll(e.getFailedMessages());
            if (failures.isEmpty()) {
                ordered.forEach(m -> failures.put(m, e));
            }
        } catch (MailException e) {
            ordered.forEach(m -> failures.put(m, e)); // the server could not be reached or refused us
        }
        int delivered = 0;
        for (MimeMessage m : ordered) {
            OutboxMail mail = messages.get(m);
            Exception failure = failures.get(m);
            if (failure == null) {
                outbox.sent(mail.id(), "SENT");
                delivered++;
            } else {
                retryOrGiveUp(mail, failure);
            }
        }
        return delivered;
    }

    private void retryOrGiveUp(OutboxMail mail, Exception failure) {
        boolean refused = refusedAddress(failure);
        boolean spent = mail.attempts() >= properties.maxAttempts();
        Instant next = refused || spent ? null : EngineTime.now().plus(properties.retryAfter(mail.attempts()));
        log.warn("Mail {} to {} not sent (try {}){}: {}", mail.id(), mail.address(), mail.attempts(),
                next == null ? ", given up" : ", next try at " + next, failure.getMessage());
        outbox.failed(mail.id(), (refused ? "Indirizzo rifiutato dal server / Address refused: " : "")
                + String.valueOf(failure.getMessage()), next);
    }

    private static boolean refusedAddress(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                    && sfe.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    private MimeMessage message(OutboxMail mail) throws MessagingException {
        MailWords.Composed composed = words.compose(mail,
                mail.recipientName() == null ? mail.recipientId() : mail.recipientName());
        String messageId = "<family-audit-" + mail.id() + "-" + Integer.toHexString(mail.key().hashCode())
                + (mail.resends() > 0 ? "-r" + mail.resends() : "") + "@" + host() + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        // Written with Jakarta Mail itself: Spring's MimeMessageHelper reads its table of file types afresh for
        // every message it is not given by JavaMailSender, a few milliseconds each.
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.address()));
        message.setSubject(composed.subject(), "UTF-8");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(composed.text(), "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent(composed.html(), "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", plain, rich));
        message.setHeader("X-Family-Audit-Event", mail.kind().name());
        return message;
    }

    private String host() {
        return properties.portalUrl().replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "");
    }
}
