package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.refusal.NotFound;
import it.familyaudit.workflow.refusal.NotPermitted;
import it.familyaudit.workflow.refusal.StateConflict;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.survey.CampaignView;
import it.familyaudit.workflow.survey.QuestionnaireService;
import it.familyaudit.workflow.survey.results.Finding;
import it.familyaudit.workflow.survey.results.QuestionnaireResults;
import it.familyaudit.workflow.survey.results.ResultsCalculator;
import it.familyaudit.workflow.survey.results.QuestionnaireResults.Count;
import it.familyaudit.workflow.survey.results.QuestionnaireResults.Group;
import it.familyaudit.workflow.survey.results.QuestionnaireResults.QuestionResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The questionnaire's part of a certification's page beyond the campaign's progress: once the
 * campaign is closed, its results as charts and tables for those who may read them; while it is
 * open, the referent's invitation codes. The service decides who may do either; this only puts
 * its answers in the rows the page draws, every hidden figure kept hidden (never a 0).
 */
@Component
class QuestionnaireSection {

    /** Model attribute: the results, for those who may read them once the campaign is closed. */
    static final String RESULTS = "questionnaireResults";
    /** Model attribute: the referent's invitation codes, while a campaign with codes is open. */
    static final String CODES = "invitationCodes";
    /** The main needs alone, for the evaluator (see {@link #addNeedsTo}). */
    static final String NEEDS = "questionnaireNeeds";

    /**
     * @param ratePercent  the response rate in percent, null when nobody was invited
     * @param shown        false when too few answered for anything to be shown
     */
    record Results(int respondents, int employeesInvited, Integer ratePercent, boolean shown, int minGroupSize,
                   List<Need> needs, List<Question> questions, List<Texts> texts) {

        /** How many free-text answers there are, over all the questions that take one. */
        public int written() {
            return texts.stream().mapToInt(t -> t.texts().size()).sum();
        }
    }

    /** A main need, in the page's language; {@code rating}: a rating with many low marks, else a wanted option. */
    record Need(String code, boolean rating, String question, String answer, long count, long base, int percent) {
    }

    /**
     * One question: its chart and the same figures as table rows, and its breakdowns by profile group.
     *
     * @param multiple  a checklist: shares are of all respondents and add up to more than 100%
     */
    record Question(String key, String label, boolean multiple, Bars chart, List<Row> rows,
                    List<Breakdown> breakdowns) {
    }

    record Row(String label, Figure figure) {
    }

    /** A count and its share in percent; both null when the figure is hidden. */
    record Figure(Long count, Integer percent, boolean hidden) {

        static Figure of(Long count, Double share, boolean hidden) {
            return hidden || count == null ? new Figure(null, null, true)
                    : new Figure(count, share == null ? null : (int) Math.round(share * 100), false);
        }
    }

    /**
     * The answers of each group of one profile question: a column per group (with its size), a
     * line per answer; a group too small to show is hidden in every line.
     */
    record Breakdown(String by, List<String> groups, List<Figure> sizes, List<Line> lines) {
    }

    record Line(String label, List<Figure> figures) {
    }

    record Texts(String label, List<String> texts) {
    }

    /** The codes' state: issued or not yet, and on which day. */
    /** The main needs shown alone; none found is still a section (it says so). */
    record Needs(List<Need> needs) {
    }

    record Codes(boolean issued, LocalDate issuedOn) {
    }

    private final QuestionnaireService questionnaires;

    QuestionnaireSection(QuestionnaireService questionnaires) {
        this.questionnaires = questionnaires;
    }

    /** Adds {@link #RESULTS} and {@link #CODES} to the page when this user may have them. */
    void addTo(Model model, CurrentUser user, CampaignView campaign, Locale locale) {
        boolean open = "OPEN".equals(campaign.status());
        if (open && "CODES".equals(campaign.invitationMode()) && user.has(Roles.REFERENT)) {
            model.addAttribute(CODES, new Codes(campaign.codesIssued() > 0, campaign.codesIssuedOn()));
        }
        if (!open) {
            results(user, campaign.certificationId(), "en".equals(locale.getLanguage()))
                    .ifPresent(results -> model.addAttribute(RESULTS, results));
        }
    }

    /**
     * For a reader who does not follow the questionnaire but may read its main needs (the
     * evaluator): those needs alone, once the campaign is closed; none otherwise.
     */
    void addNeedsTo(Model model, CurrentUser user, long certificationId, Locale locale) {
        needs(user, certificationId, locale).ifPresent(needs -> model.addAttribute(NEEDS, new Needs(needs)));
    }

    /** The main needs, if this reader may read them and the campaign is closed. */
    Optional<List<Need>> needs(CurrentUser user, long certificationId, Locale locale) {
        try {
            return Optional.of(questionnaires.findings(user, certificationId).stream()
                    .map(f -> need(f, List.of(), "en".equals(locale.getLanguage()))).toList());
        } catch (NotFound | NotPermitted | StateConflict notForThisUserOrNotYet) {
            // no campaign, not closed yet, or not a reader of its needs: the page goes without
            return Optional.empty();
        }
    }

    private Optional<Results> results(CurrentUser user, long certificationId, boolean english) {
        QuestionnaireResults results;
        List<Finding> findings;
        try {
            ResultsCalculator.Computed computed = questionnaires.resultsAndFindings(user, certificationId);
            results = computed.results();
            findings = computed.findings();
        } catch (NotFound | NotPermitted notForThisUser) {
            return Optional.empty();
        }
        int k = results.minGroupSize();
        return Optional.of(new Results(results.respondents(), results.employeesInvited(),
                results.responseRate() == null ? null : (int) Math.round(results.responseRate() * 100),
                results.shown(), k,
                findings.stream().map(f -> need(f, results.questions(), english)).toList(),
                results.questions().stream().map(q -> question(q, results.respondents(), k, english)).toList(),
                results.texts().stream().map(t -> new Texts(words(t.label(), t.labelEn(), english), t.texts())).toList()));
    }

    private static Question question(QuestionResult q, int respondents, int k, boolean english) {
        List<Bars.Bar> bars = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (Count c : q.overall()) {
            String label = words(c.label(), c.labelEn(), english);
            bars.add(c.hidden() || c.count() == null ? Bars.Bar.withheld(label, respondents, k)
                    : new Bars.Bar(label, c.count().intValue(), respondents));
            rows.add(new Row(label, Figure.of(c.count(), c.share(), c.hidden())));
        }
        String label = words(q.label(), q.labelEn(), english);
        List<Breakdown> breakdowns = q.breakdowns().stream().map(b -> breakdown(b, q.overall(), english)).toList();
        return new Question(q.key(), label, "multiple".equals(q.kind()),
                new Bars("results.chart", List.of(label), "results.option", bars), rows, breakdowns);
    }

    /** The groups become columns: a profile question has a few short ones, while answers can be many and long. */
    private static Breakdown breakdown(QuestionnaireResults.Breakdown b, List<Count> answers, boolean english) {
        List<String> groups = b.groups().stream().map(g -> words(g.label(), g.labelEn(), english)).toList();
        List<Figure> sizes = b.groups().stream().map(g -> Figure.of(g.respondents(), null, g.hidden())).toList();
        List<Line> lines = new ArrayList<>();
        for (int a = 0; a < answers.size(); a++) {
            List<Figure> figures = new ArrayList<>();
            for (Group g : b.groups()) {
                // A group's counts follow the question's answers one for one; were one missing, it stays hidden.
                Count c = a < g.counts().size() ? g.counts().get(a) : null;
                figures.add(c == null ? Figure.of(null, null, true)
                        : Figure.of(c.count(), c.share(), g.hidden() || c.hidden()));
            }
            lines.add(new Line(words(answers.get(a).label(), answers.get(a).labelEn(), english), figures));
        }
        return new Breakdown(words(b.label(), b.labelEn(), english), groups, sizes, lines);
    }

    /**
     * A finding carries the Italian words only; in English they are the question's and the option's
     * own, found by the finding's code ({@code Q-<question>-<option>}).
     */
    private static Need need(Finding f, List<QuestionResult> questions, boolean english) {
        boolean rating = "LOW_RATING".equals(f.kind());
        String question = f.question();
        String answer = f.answer();
        if (english) {
            Optional<QuestionResult> q = questions.stream().filter(r -> r.key().equals(f.questionKey())).findFirst();
            if (q.isPresent()) {
                question = words(q.get().label(), q.get().labelEn(), true);
                String option = f.code().substring(Math.min(f.code().length(), ("Q-" + f.questionKey() + "-").length()));
                for (Count c : q.get().overall()) {
                    if (!rating && c.value().equals(option)) {
                        answer = words(c.label(), c.labelEn(), true);
                    }
                }
            }
        }
        return new Need(f.code(), rating, question, answer, f.count(), f.base(), (int) Math.round(f.share() * 100));
    }

    private static String words(String italian, String english, boolean inEnglish) {
        return inEnglish && english != null && !english.isBlank() ? english : italian;
    }
}
