package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.accounts.Accounts;
import it.familyaudit.workflow.accounts.OwnEmail;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.mail.MailPreference;
import it.familyaudit.workflow.mail.MailPreferences;
import it.familyaudit.workflow.mail.MailProperties;
import it.familyaudit.workflow.mail.NoticeKind;
import it.familyaudit.workflow.mail.NoticeKind.Category;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.security.Roles;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Every signed-in person's own choices of mail ({@code /preferenze}): the address mails go to, each mail
 * at once or a daily digest, the language, and whether news and other people's overdue tasks come. What is
 * theirs to do always comes, and so do escalations to the agency, whose job it is to act on them: its
 * box is shown ticked and fixed, and a posted "off" is ignored. A form with errors comes back with what was
 * typed, every error at the top and beside its field, and nothing saved; a saved form redirects (303) back
 * with a confirmation.
 */
@Controller
@RequestMapping(PreferencesPage.PATH)
class PreferencesPage {

    static final String PATH = "/preferenze";
    static final String IMMEDIATE = "immediate";
    static final String DAILY = "daily";
    private static final String FORM = "portal/preferences";

    private final Accounts accounts;
    private final MailPreferences preferences;
    private final MailProperties mail;
    private final CurrentUsers users;
    private final MessageSource messages;

    PreferencesPage(Accounts accounts, MailPreferences preferences, MailProperties mail, CurrentUsers users,
                    MessageSource messages) {
        this.accounts = accounts;
        this.preferences = preferences;
        this.mail = mail;
        this.users = users;
        this.messages = messages;
    }

    /** What the form shows: the saved choices, or what was just typed. */
    record Typed(String email, String delivery, String language, boolean news, boolean escalations) {
    }

    @GetMapping
    String show(Model model) {
        CurrentUser user = users.current();
        OwnEmail own = accounts.ownEmail(user);
        MailPreference p = preferences.of(user.id());
        Typed saved = new Typed(own.email() == null ? "" : own.email(), p.digest() ? DAILY : IMMEDIATE, p.language(),
                p.news(), p.escalations() || agency(user));
        return form(model, user, own, saved, FormErrors.none());
    }

    @PostMapping
    Object save(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String delivery,
                @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "false") boolean news,
                @RequestParam(defaultValue = "false") boolean escalations, Locale locale, Model model,
                HttpServletResponse response, RedirectAttributes next) {
        CurrentUser user = users.current();
        OwnEmail own = accounts.ownEmail(user);
        // The agency's escalations always come, whatever a form says.
        Typed typed = new Typed(own.changeable() ? email : own.email(), delivery, language, news,
                escalations || agency(user));
        FormErrors errors = own.changeable() ? FormErrors.of(accounts.emailErrors(user, email), locale) : FormErrors.none();
        String choose = messages.getMessage("prefs.chooseOne", null, locale);
        if (!IMMEDIATE.equals(delivery) && !DAILY.equals(delivery)) {
            errors = errors.plus("delivery", choose);
        }
        if (!MailPreference.LANGUAGES.contains(language)) {
            errors = errors.plus("language", choose);
        }
        if (errors.isEmpty() && own.changeable()) {
            try {
                accounts.changeEmail(user, email);
            } catch (FormValidationException e) {
                // Taken by someone else a moment ago.
                errors = FormErrors.of(e.errors(), locale);
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, user, own, typed, errors);
        }
        preferences.save(new MailPreference(user.id(), DAILY.equals(delivery), language, news, typed.escalations()));
        next.addFlashAttribute("saved", true);
        RedirectView back = new RedirectView(PATH, true);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        back.setExposeModelAttributes(false);
        return back;
    }

    private String form(Model model, CurrentUser user, OwnEmail own, Typed typed, FormErrors errors) {
        model.addAttribute("form", typed);
        model.addAttribute("emailChangeable", own.changeable());
        model.addAttribute("agency", agency(user));
        model.addAttribute("digestHour", String.format(Locale.ROOT, "%02d:00", mail.digestHour()));
        model.addAttribute("languages", List.of("it", "en"));
        model.addAttribute("duties", kinds(Category.DUTY));
        model.addAttribute("news", kinds(Category.NEWS));
        model.addAttribute("errors", errors);
        return FORM;
    }

    /** The kinds of mail of a category, by name; the digest is how others come, not one of them. */
    private static List<String> kinds(Category category) {
        return Arrays.stream(NoticeKind.values()).filter(k -> k.category() == category && k != NoticeKind.DIGEST)
                .map(NoticeKind::name).toList();
    }

    private static boolean agency(CurrentUser user) {
        return user.has(Roles.AGENCY);
    }
}
