package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.mail.Outbox;
import it.familyaudit.workflow.mail.OutboxMail;
import it.familyaudit.workflow.refusal.NotFound;
import it.familyaudit.workflow.refusal.NotPermitted;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.security.People;
import it.familyaudit.workflow.security.Roles;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The agency's view of the outbox ({@code /ente/posta}): every mail the service wrote, the newest first,
 * {@value #PAGE_SIZE} a page, filtered by status, with who it is for, what it says and what became of it;
 * each can be sent again. The outbox refuses to send again a mail being sent right now, one held for a
 * digest and one that had no address: the list comes back saying why. The agency alone opens it (403 for
 * every other role, the sign-in for a visitor), as the other {@code /ente} pages.
 */
@Controller
@RequestMapping(OutboxPage.PATH)
class OutboxPage {

    static final String PATH = "/ente/posta";
    static final int PAGE_SIZE = 50;
    /** The statuses of a mail, in the order of its life. */
    static final List<String> STATUSES = List.of("PENDING", "HELD", "SENDING", "SENT", "LOGGED", "DIGESTED", "FAILED");

    private final Outbox outbox;
    private final People people;
    private final CurrentUsers users;
    private final MessageSource messages;

    OutboxPage(Outbox outbox, People people, CurrentUsers users, MessageSource messages) {
        this.outbox = outbox;
        this.people = people;
        this.users = users;
        this.messages = messages;
    }

    /** One row of the table, its times in Italian time and its error in the page's language. */
    record Line(OutboxMail mail, String recipientName, LocalDateTime writtenAt, LocalDateTime sentAt, String error,
                String resentByName) {
    }

    /** Before every page here: the agency alone. */
    @ModelAttribute
    void agencyOnly() {
        if (!users.current().has(Roles.AGENCY)) {
            throw new OnlyTheAgencyReadsTheOutbox();
        }
    }

    @GetMapping
    String list(@RequestParam(name = "stato", required = false) String status,
                @RequestParam(name = "pagina", defaultValue = "1") int page, Locale locale, Model model) {
        String shown = known(status);
        int total = outbox.count(shown);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        List<OutboxMail> mails = outbox.latest(shown, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        Map<String, String> names = people.namesOf(mails.stream().flatMap(m -> Stream.of(m.recipientId(), m.resentBy()))
                .filter(Objects::nonNull).toList());
        model.addAttribute("lines", mails.stream().map(m -> new Line(m, names.getOrDefault(m.recipientId(),
                m.recipientId()), local(m.createdAt()), local(m.sentAt()),
                m.lastError() == null ? null : FormErrors.inLanguage(m.lastError(), locale),
                m.resentBy() == null ? null : names.getOrDefault(m.resentBy(), m.resentBy()))).toList());
        Map<String, Integer> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, outbox.count(s)));
        model.addAttribute("counts", counts);
        model.addAttribute("status", shown);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        return "portal/agency-outbox";
    }

    /** Sends a mail again, then back (303) to the list as it was, saying whether it will go. */
    @PostMapping("/{id}/invia")
    RedirectView resend(@PathVariable long id, @RequestParam(name = "stato", required = false) String status,
                        @RequestParam(name = "pagina", defaultValue = "1") int page, Locale locale,
                        RedirectAttributes next) {
        CurrentUser user = users.current();
        OutboxMail mail = outbox.byId(id).orElseThrow(MailNotFound::new);
        String name = people.nameOf(mail.recipientId());
        if (outbox.resend(id, user.id())) {
            next.addFlashAttribute("resent", messages.getMessage("outbox.resent",
                    new Object[] {mail.subject(), name}, locale));
        } else {
            // Why, as the mail is now: it may have changed since the page was drawn.
            OutboxMail now = outbox.byId(id).orElse(mail);
            String reason = now.address() == null ? "noAddress" : switch (now.status()) {
                case "SENDING" -> "SENDING";
                case "HELD" -> "HELD";
                default -> "other";
            };
            next.addFlashAttribute("refused", messages.getMessage("outbox.refused." + reason,
                    new Object[] {mail.subject(), name}, locale));
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath(PATH);
        String shown = known(status);
        if (shown != null) {
            back.queryParam("stato", shown);
        }
        if (page > 1) {
            back.queryParam("pagina", page);
        }
        RedirectView list = new RedirectView(back.build().toUriString(), true);
        list.setStatusCode(HttpStatus.SEE_OTHER);
        list.setExposeModelAttributes(false);
        return list;
    }

    /** A status the outbox knows, or {@code null} (all) for anything else. */
    private static String known(String status) {
        return status != null && STATUSES.contains(status) ? status : null;
    }

    private static LocalDateTime local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, EngineTime.ZONE);
    }

    static final class OnlyTheAgencyReadsTheOutbox extends NotPermitted {

        OnlyTheAgencyReadsTheOutbox() {
            super("Solo l'ente di certificazione vede la posta in uscita / Only the certifying agency sees the outgoing mail");
        }
    }

    static final class MailNotFound extends NotFound {

        MailNotFound() {
            super("E-mail non trovata / E-mail not found");
        }
    }
}
