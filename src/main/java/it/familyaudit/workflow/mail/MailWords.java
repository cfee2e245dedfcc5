package it.familyaudit.workflow.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A mail's words, from the message files: its subject when it is queued, its text and HTML bodies when it is
 * sent ({@code templates/mail/notice.txt} and {@code notice.html}). A person who reads Italian gets Italian
 * with English below; one who chose English gets English. A notice's facts ({@link #params}) are kept as JSON
 * in the outbox, so the words are those of the day it is sent and a resend reads the same.
 */
@Component
class MailWords {

    private static final Locale ITALIAN = Locale.ITALIAN;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The facts a notice's words are made of: org name, step, due day, days left, summary, link, digest items. */
    record Params(String org, String taskKey, String taskName, LocalDate due, Integer days, String summary, String path,
                  Integer count, List<Item> items) {

        Params {
            items = items == null ? List.of() : List.copyOf(items);
        }

        static Params of(String org, String taskKey, String taskName, LocalDate due, Integer days, String summary,
                         String path) {
            return new Params(org, taskKey, taskName, due, days, summary, path, null, null);
        }
    }

    /** One notice listed in a digest. */
    record Item(String subject, String path) {
    }

    /** A mail ready to send. */
    record Composed(String subject, String text, String html) {
    }

    /** One language's part of a mail, as the templates lay it out. */
    public record Part(String language, String greeting, List<String> lines, String actionLabel, String actionUrl,
                       List<Link> links, String footer, String preferencesLabel, String preferencesUrl) {
    }

    /** A line of a digest: what happened, and where. */
    public record Link(String label, String url) {
    }

    private final MessageSource messages;
    private final ObjectMapper json;
    private final ITemplateEngine html;
    private final ITemplateEngine text;
    private final MailProperties properties;

    MailWords(MessageSource messages, ObjectMapper json, ITemplateEngine templateEngine, MailTemplates templates,
              MailProperties properties) {
        this.messages = messages;
        this.json = json;
        this.html = templateEngine;
        this.text = templates.text();
        this.properties = properties;
    }

    String params(Params p) {
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notice's facts cannot be written", e);
        }
    }

    String subject(NoticeKind kind, String language, Params p) {
        Locale locale = locale(language);
        return "[Family Audit] " + messages.getMessage("mail." + kind.name() + ".subject", args(p, locale), locale);
    }

    Composed compose(OutboxMail mail, String recipientName) {
        Params p = read(mail.params());
        List<Part> parts = new ArrayList<>();
        parts.add(part(mail, p, recipientName, locale(mail.language())));
        if ("it".equals(mail.language())) {
            parts.add(part(mail, p, recipientName, Locale.ENGLISH));
        }
        Context context = new Context(locale(mail.language()), Map.of("parts", parts, "subject", mail.subject()));
        return new Composed(mail.subject(), text.process("notice", context), html.process("mail/notice", context));
    }

    private Part part(OutboxMail mail, Params p, String name, Locale locale) {
        Object[] args = args(p, locale);
        List<String> lines = new ArrayList<>();
        lines.add(messages.getMessage("mail." + mail.kind().name() + ".body", args, locale));
        if (p.due() != null && mail.kind() == NoticeKind.TASK_OPENED) {
            lines.add(messages.getMessage("mail.due", args, locale));
        }
        List<Link> links = p.items().stream().map(i -> new Link(i.subject(), url(i.path()))).toList();
        String action = p.path() == null ? null : messages.getMessage(p.path().startsWith("/attivita/")
                ? "mail.action.task" : "mail.action.page", null, locale);
        return new Part(locale.getLanguage(), messages.getMessage("mail.greeting", new Object[] {name}, locale), lines,
                action, p.path() == null ? null : url(p.path()), links,
                messages.getMessage("mail.footer", null, locale), messages.getMessage("mail.preferences", null, locale),
                url("/preferenze"));
    }

    private String url(String path) {
        return properties.portalUrl() + path;
    }

    /** {0} organisation, {1} step, {2} days left, {3} due day, {4} summary, {5} count. */
    private Object[] args(Params p, Locale locale) {
        String step = p.taskKey() == null ? p.taskName()
                : messages.getMessage("task.key." + p.taskKey(), null, p.taskName(), locale);
        return new Object[] {p.org(), step, p.days() == null ? 0 : p.days(), p.due() == null ? "" : DAY.format(p.due()),
                p.summary() == null ? "" : p.summary(), p.count() == null ? 0 : p.count()};
    }

    Params read(String params) {
        try {
            return json.readValue(params, Params.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notice's facts cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : ITALIAN;
    }
}
