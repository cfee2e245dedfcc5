package it.familyaudit.workflow.survey.publicpage;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.survey.Campaign;
import it.familyaudit.workflow.survey.CampaignRepository;
import it.familyaudit.workflow.survey.Lang;
import it.familyaudit.workflow.survey.QuestionnaireForms;
import it.familyaudit.workflow.survey.QuestionnaireProperties;
import it.familyaudit.workflow.survey.Campaign.InvitationMode;
import it.familyaudit.workflow.survey.CampaignRepository.Published;
import it.familyaudit.workflow.survey.invitations.InvitationCodes;
import it.familyaudit.workflow.survey.publicpage.AnswerCheck.Answers;
import it.familyaudit.workflow.survey.publicpage.AnswerCheck.Problem;
import it.familyaudit.workflow.survey.publicpage.AnswerIntake.Outcome;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The employees' questionnaire, public: no login, the campaign's token in the address and the
 * personal code only in the body of the POST, so that no address (which proxies and access logs
 * keep) ever holds a code. Answers are sent as an ordinary HTML form, protected against forgery by
 * Spring Security's token (a cookie and the same value in the form, see {@code SecurityConfig}).
 *
 * <p>Statuses: 200 the form, 303 to the thank-you page once stored, 400 answers to correct or an
 * unknown code (the form again, with what was typed), 403 a forged or expired form, 404 no such
 * questionnaire, 409 a code already used or a questionnaire not open yet, 410 closed, 413 too long,
 * 429 a second answer from the same browser (shared link).
 */
@Controller
class PublicQuestionnaireController {

    private static final Logger log = LoggerFactory.getLogger(PublicQuestionnaireController.class);
    /** A random value per browser, for refusing a second answer to a shared link. */
    static final String BALLOT_COOKIE = "fa_scheda";
    private static final long MAX_BODY = 256 * 1024;
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final CampaignRepository campaigns;
    private final QuestionnaireForms forms;
    private final AnswerIntake intake;
    private final QuestionnaireProperties settings;

    PublicQuestionnaireController(CampaignRepository campaigns, QuestionnaireForms forms, AnswerIntake intake,
                                  QuestionnaireProperties settings) {
        this.campaigns = campaigns;
        this.forms = forms;
        this.intake = intake;
        this.settings = settings;
    }

    @GetMapping(path = "/questionario/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token, @RequestParam(required = false) String lang,
                                HttpServletRequest request, HttpServletResponse response) {
        Lang language = language(lang, request);
        Optional<Published> found = campaigns.published(token);
        if (found.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, QuestionnairePage.notFound(language));
        }
        Campaign campaign = found.get().campaign();
        LocalDate today = EngineTime.today();
        if (!open(found.get(), today)) {
            return unavailable(found.get(), today, language, token);
        }
        if (campaign.mode() == InvitationMode.LINK && ballot(request) == null) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(BALLOT_COOKIE, InvitationCodes.newPublicToken())
                    .path("/questionario").httpOnly(true).sameSite("Lax").secure(request.isSecure())
                    .maxAge(Duration.ofDays(120)).build().toString());
        }
        return html(HttpStatus.OK, form(request, language, found.get(), Map.of(), List.of()));
    }

    @PostMapping(path = "/questionario/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> submit(@PathVariable String token, HttpServletRequest request) {
        Lang language = language(request.getParameter(QuestionnairePage.LANG_PARAMETER), request);
        if (request.getContentLengthLong() > MAX_BODY) {
            return html(HttpStatus.PAYLOAD_TOO_LARGE, QuestionnairePage.tooLarge(language, token));
        }
        Optional<Published> found = campaigns.published(token);
        if (found.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, QuestionnairePage.notFound(language));
        }
        Published published = found.get();
        Campaign campaign = published.campaign();
        LocalDate today = EngineTime.today();
        if (!open(published, today)) {
            return unavailable(published, today, language, token);
        }
        Map<String, String[]> submitted = request.getParameterMap();
        List<Problem> problems = new ArrayList<>();
        Answers answers = AnswerCheck.check(forms.of(campaign.id()), submitted, problems);
        String code = null;
        if (campaign.mode() == InvitationMode.CODES) {
            String typed = request.getParameter(QuestionnairePage.CODE_PARAMETER);
            if (typed == null || typed.isBlank()) {
                problems.add(0, new Problem(QuestionnairePage.CODE_PARAMETER, Message.CODE_REQUIRED));
            } else {
                code = InvitationCodes.canonical(typed).orElse(null);
                if (code == null) {
                    problems.add(0, new Problem(QuestionnairePage.CODE_PARAMETER, Message.CODE_FORMAT));
                }
            }
        }
        if (!problems.isEmpty()) {
            return html(HttpStatus.BAD_REQUEST, form(request, language, published, submitted, problems));
        }
        String ballot = campaign.mode() == InvitationMode.LINK ? ballot(request) : null;
        if (ballot != null && !intake.claimBrowser(campaign.id(), ballot)) {
            return html(HttpStatus.TOO_MANY_REQUESTS, QuestionnairePage.alreadyAnswered(language, token));
        }
        Outcome outcome = null;
        try {
            outcome = intake.submit(campaign, published.codeKey(), code, answers, today);
        } finally {
            // a browser's claim stands only for an answer that was stored
            if (ballot != null && outcome != Outcome.ACCEPTED) {
                intake.releaseBrowser(campaign.id(), ballot);
            }
        }
        return switch (outcome) {
            case ACCEPTED -> ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/questionario/" + token + "/grazie?lang=" + language.code())).build();
            case CODE_USED -> html(HttpStatus.CONFLICT, form(request, language, published, submitted,
                    List.of(new Problem(QuestionnairePage.CODE_PARAMETER, Message.CODE_USED))));
            case CODE_UNKNOWN -> html(HttpStatus.BAD_REQUEST, form(request, language, published, submitted,
                    List.of(new Problem(QuestionnairePage.CODE_PARAMETER, Message.CODE_UNKNOWN))));
            case CLOSED -> html(HttpStatus.GONE, QuestionnairePage.closed(language, token));
        };
    }

    @GetMapping(path = "/questionario/{token}/grazie", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> thanks(@PathVariable String token, @RequestParam(required = false) String lang,
                                  HttpServletRequest request) {
        return html(HttpStatus.OK, QuestionnairePage.thanks(language(lang, request), token));
    }

    /**
     * Whatever goes wrong answers a plain page, and the log gets the kind of failure only: an
     * exception's message could quote what was submitted.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failure(Exception e, HttpServletRequest request) {
        log.error("Questionnaire page failed: {} (details withheld: they could quote answers)", e.getClass().getName());
        return html(HttpStatus.INTERNAL_SERVER_ERROR, QuestionnairePage.failure(language(null, request), null));
    }

    private static Lang language(String parameter, HttpServletRequest request) {
        return Lang.of(parameter, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static boolean open(Published p, LocalDate today) {
        return p.cycleActive() && p.campaign().acceptsAnswersOn(today);
    }

    private static ResponseEntity<String> unavailable(Published p, LocalDate today, Lang lang, String token) {
        Campaign c = p.campaign();
        if (p.cycleActive() && c.isOpen() && today.isBefore(c.opensOn())) {
            return html(HttpStatus.CONFLICT, QuestionnairePage.notYetOpen(lang, token, c.opensOn()));
        }
        return html(HttpStatus.GONE, QuestionnairePage.closed(lang, token));
    }

    private String form(HttpServletRequest request, Lang lang, Published p, Map<String, String[]> values,
                        List<Problem> problems) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return QuestionnairePage.form(new QuestionnairePage.FormView(lang, p.campaign().publicToken(), p.organizationName(),
                p.campaign(), forms.of(p.campaign().id()), new HashMap<>(values), problems,
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(),
                settings.minGroupSize()));
    }

    private static String ballot(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (BALLOT_COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().length() <= 64) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML).body(body);
    }
}
