package it.familyaudit.workflow.survey.results;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.survey.Campaign;
import it.familyaudit.workflow.survey.CampaignRepository;
import it.familyaudit.workflow.survey.Questionnaire;
import it.familyaudit.workflow.survey.QuestionnaireForms;
import it.familyaudit.workflow.survey.QuestionnaireProperties;
import it.familyaudit.workflow.survey.Questionnaire.Kind;
import it.familyaudit.workflow.survey.Questionnaire.Option;
import it.familyaudit.workflow.survey.Questionnaire.Question;
import it.familyaudit.workflow.survey.Questionnaire.Text;
import it.familyaudit.workflow.survey.results.QuestionnaireResults.Breakdown;
import it.familyaudit.workflow.survey.results.QuestionnaireResults.Count;
import it.familyaudit.workflow.survey.results.QuestionnaireResults.Group;
import it.familyaudit.workflow.survey.results.QuestionnaireResults.QuestionResult;
import it.familyaudit.workflow.survey.results.QuestionnaireResults.TextAnswers;
import it.familyaudit.workflow.survey.results.Suppression.Layout;
import it.familyaudit.workflow.survey.results.Suppression.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Counts a campaign's answers and protects the counts ({@link Suppression}): for every question
 * the distribution overall and by each profile question (each pair of profile questions once), the
 * free texts without profile, and the main needs for the plan.
 */
@Component
public class ResultsCalculator {

    private static final Text NOT_STATED = new Text("Non indicato", "Not stated");
    private static final Text NO_ANSWER = new Text("Nessuna risposta", "No answer");
    static final int MOST_WANTED = 5;
    static final int LOW_RATINGS = 3;

    /** The results and the findings of one computation. */
    @NamedInterface("results")
    public record Computed(QuestionnaireResults results, List<Finding> findings) {
    }

    private final CampaignRepository campaigns;
    private final QuestionnaireForms forms;
    private final ObjectMapper json;
    private final int k;

    ResultsCalculator(CampaignRepository campaigns, QuestionnaireForms forms, ObjectMapper json,
                      QuestionnaireProperties settings) {
        this.campaigns = campaigns;
        this.forms = forms;
        this.json = json;
        this.k = settings.minGroupSize();
    }

    public Computed compute(Campaign campaign) {
        Questionnaire questionnaire = forms.of(campaign.id());
        Answers answers = load(campaign.id(), questionnaire);
        int n = answers.count;
        Double rate = campaign.employeesInvited() == 0 ? null : round((double) n / campaign.employeesInvited());
        if (n < k) {
            return new Computed(new QuestionnaireResults(campaign.certificationId(), k, n, campaign.employeesInvited(), rate,
                    false, "Meno di " + k + " risposte: per non rendere riconoscibile nessuno i risultati non vengono mostrati"
                    + " / Fewer than " + k + " answers: no result is shown, so that nobody can be recognised",
                    List.of(), List.of()), List.of());
        }
        Dimension[] dimensions = answers.dimensions;
        List<QuestionResult> results = new ArrayList<>();
        List<Finding> wanted = new ArrayList<>();
        List<Finding> ratings = new ArrayList<>();
        for (Question q : questionnaire.questions()) {
            if (q.kind() == Kind.SINGLE) {
                results.add(single(q, answers, dimensions, ratings));
            } else if (q.kind() == Kind.MULTIPLE) {
                results.add(multiple(q, answers, dimensions, wanted));
            }
        }
        List<TextAnswers> texts = new ArrayList<>();
        campaigns.texts(campaign.id()).forEach((key, list) -> questionnaire.question(key).ifPresent(q ->
                texts.add(new TextAnswers(key, q.label().it(), q.label().en(), list))));
        List<Finding> findings = new ArrayList<>();
        wanted.stream().sorted(Comparator.comparingDouble(Finding::share).reversed().thenComparing(Finding::code))
                .limit(MOST_WANTED).forEach(findings::add);
        ratings.stream().sorted(Comparator.comparingDouble(Finding::share).reversed().thenComparing(Finding::code))
                .limit(LOW_RATINGS).forEach(findings::add);
        return new Computed(new QuestionnaireResults(campaign.certificationId(), k, n, campaign.employeesInvited(), rate,
                true, null, results, texts), findings);
    }

    // --- one question ----------------------------------------------------------------------------

    private QuestionResult single(Question q, Answers answers, Dimension[] dimensions, List<Finding> ratings) {
        int options = q.options().size();
        int categories = options + 1; // the last: no answer (or, for a profile question, not stated)
        int[] category = new int[answers.count];
        long[] totals = new long[categories];
        Dimension own = null;
        for (Dimension d : dimensions) {
            if (d.question.key().equals(q.key())) {
                own = d;
            }
        }
        int[] chosen = own != null ? own.groupOf : answers.chosen(q.key());
        for (int i = 0; i < answers.count; i++) {
            int c = chosen[i];
            category[i] = c;
            totals[c]++;
        }
        List<Dimension> by = breakdowns(q, dimensions);
        List<Table> tables = new ArrayList<>();
        for (Dimension d : by) {
            long[][] cells = new long[d.sizes.length][categories];
            for (int i = 0; i < answers.count; i++) {
                cells[d.groupOf[i]][category[i]]++;
            }
            tables.add(new Table(cells, d.sizes, d.hidden));
        }
        Layout layout = new Layout(totals, own != null ? own.hidden : null, answers.count, tables);
        Suppression.protect(layout, k);

        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            if (c < options || totals[c] > 0 || !q.required()) {
                shown.add(c);
            }
        }
        List<Count> overall = new ArrayList<>();
        for (int c : shown) {
            overall.add(count(q, c, totals[c], layout.totalHidden[c], answers.count, own != null));
        }
        List<Breakdown> breakdowns = new ArrayList<>();
        for (int t = 0; t < by.size(); t++) {
            Dimension d = by.get(t);
            Table table = tables.get(t);
            List<Group> groups = new ArrayList<>();
            for (int g : d.shownGroups()) {
                List<Count> counts = new ArrayList<>();
                for (int c : shown) {
                    counts.add(count(q, c, table.cells[g][c], table.hidden[g][c], d.sizes[g], own != null));
                }
                groups.add(group(d, g, counts));
            }
            breakdowns.add(new Breakdown(d.question.key(), d.question.label().it(), d.question.label().en(), groups));
        }
        if (q.scale()) {
            rating(q, layout, totals, ratings);
        }
        return new QuestionResult(q.key(), q.label().it(), q.label().en(), "single", q.profile(), overall, breakdowns);
    }

    private QuestionResult multiple(Question q, Answers answers, Dimension[] dimensions, List<Finding> wanted) {
        List<Option> options = q.options();
        List<Dimension> by = breakdowns(q, dimensions);
        Layout[] layouts = new Layout[options.size()];
        long[] bits = answers.ticks(q.key());
        for (int o = 0; o < options.size(); o++) {
            String value = options.get(o).value();
            boolean[] ticked = new boolean[answers.count];
            long[] totals = new long[2];
            for (int i = 0; i < answers.count; i++) {
                ticked[i] = (bits[i] & 1L << o) != 0;
                totals[ticked[i] ? 0 : 1]++;
            }
            List<Table> tables = new ArrayList<>();
            for (Dimension d : by) {
                long[][] cells = new long[d.sizes.length][2];
                for (int i = 0; i < answers.count; i++) {
                    cells[d.groupOf[i]][ticked[i] ? 0 : 1]++;
                }
                tables.add(new Table(cells, d.sizes, d.hidden));
            }
            layouts[o] = new Layout(totals, null, answers.count, tables);
            Suppression.protect(layouts[o], k);
            if (!layouts[o].totalHidden[0] && totals[0] > 0) {
                wanted.add(new Finding("Q-" + q.key() + "-" + value, "MOST_WANTED", q.key(), q.label().it(),
                        options.get(o).label().it(), totals[0], answers.count, round((double) totals[0] / answers.count)));
            }
        }
        List<Count> overall = new ArrayList<>();
        for (int o = 0; o < options.size(); o++) {
            Option option = options.get(o);
            overall.add(count(option.value(), option.label(), layouts[o].totals[0], layouts[o].totalHidden[0], answers.count));
        }
        List<Breakdown> breakdowns = new ArrayList<>();
        for (int t = 0; t < by.size(); t++) {
            Dimension d = by.get(t);
            List<Group> groups = new ArrayList<>();
            for (int g : d.shownGroups()) {
                List<Count> counts = new ArrayList<>();
                for (int o = 0; o < options.size(); o++) {
                    Table table = layouts[o].tables.get(t);
                    Option option = options.get(o);
                    counts.add(count(option.value(), option.label(), table.cells[g][0], table.hidden[g][0], d.sizes[g]));
                }
                groups.add(group(d, g, counts));
            }
            breakdowns.add(new Breakdown(d.question.key(), d.question.label().it(), d.question.label().en(), groups));
        }
        return new QuestionResult(q.key(), q.label().it(), q.label().en(), "multiple", false, overall, breakdowns);
    }

    /**
     * A rating's share of unfavourable answers (the two lowest marks) among those who gave a mark,
     * published only if it tells nothing the shown counts do not (when some counts are hidden, their
     * sum may still be known; if it is not, the rating stays out of the findings).
     */
    private void rating(Question q, Layout layout, long[] totals, List<Finding> ratings) {
        double[] low = new double[totals.length];
        double[] marked = new double[totals.length];
        long lowCount = 0;
        long base = 0;
        for (int c = 0; c < q.options().size(); c++) {
            Integer score = Question.score(q.options().get(c).value());
            if (score != null) {
                marked[c] = 1;
                base += totals[c];
                if (score <= 2) {
                    low[c] = 1;
                    lowCount += totals[c];
                }
            }
        }
        if (base >= k && Suppression.knows(layout, low) && Suppression.knows(layout, marked)) {
            ratings.add(new Finding("Q-" + q.key(), "LOW_RATING", q.key(), q.label().it(), null, lowCount, base,
                    round((double) lowCount / base)));
        }
    }

    private static List<Dimension> breakdowns(Question q, Dimension[] dimensions) {
        List<Dimension> by = new ArrayList<>();
        boolean after = !q.profile();
        for (Dimension d : dimensions) {
            if (d.question.key().equals(q.key())) {
                after = true; // a pair of profile questions is shown once, under the first of the two
            } else if (after) {
                by.add(d);
            }
        }
        return by;
    }

    private Count count(Question q, int category, long value, boolean hidden, long of, boolean profile) {
        if (category < q.options().size()) {
            Option option = q.options().get(category);
            return count(option.value(), option.label(), value, hidden, of);
        }
        return count("", profile ? NOT_STATED : NO_ANSWER, value, hidden, of);
    }

    private static Count count(String value, Text label, long count, boolean hidden, long of) {
        return hidden ? new Count(value, label.it(), label.en(), null, null, true)
                : new Count(value, label.it(), label.en(), count, of == 0 ? null : round((double) count / of), false);
    }

    private static Group group(Dimension d, int g, List<Count> counts) {
        Text label = g < d.question.options().size() ? d.question.options().get(g).label() : NOT_STATED;
        String value = g < d.question.options().size() ? d.question.options().get(g).value() : "";
        return d.hidden[g] ? new Group(value, label.it(), label.en(), null, true, counts)
                : new Group(value, label.it(), label.en(), d.sizes[g], false, counts);
    }

    private static double round(double share) {
        return Math.round(share * 1000) / 1000.0;
    }

    // --- the answers, read once ------------------------------------------------------------------

    /** The groups of one profile question: each respondent's, their sizes, which are hidden. */
    private static final class Dimension {

        final Question question;
        final int[] groupOf;
        final long[] sizes;
        boolean[] hidden;

        Dimension(Question question, int respondents) {
            this.question = question;
            this.groupOf = new int[respondents];
            this.sizes = new long[question.options().size() + 1];
        }

        /** The options, and "not stated" when anyone is in it or the question could be skipped. */
        List<Integer> shownGroups() {
            List<Integer> shown = new ArrayList<>();
            for (int g = 0; g < sizes.length; g++) {
                if (g < question.options().size() || sizes[g] > 0 || !question.required()) {
                    shown.add(g);
                }
            }
            return shown;
        }
    }

    /**
     * Every respondent's answers as indexes: the option chosen (the last index for none), the
     * options ticked as bits, the group of each profile question. Read straight from the rows' JSON
     * with a streaming parser: 5,000 answers parse in a few milliseconds.
     */
    private static final class Answers {

        final int count;
        final Dimension[] dimensions;
        private final Map<String, int[]> single;
        private final Map<String, long[]> ticks;

        Answers(Questionnaire questionnaire, List<int[]> rows, Map<String, Integer> slot) {
            this.count = rows.size();
            this.single = new HashMap<>();
            this.ticks = new HashMap<>();
            for (Question q : questionnaire.questions()) {
                Integer at = slot.get(q.key());
                if (at == null) {
                    continue;
                }
                if (q.kind() == Kind.MULTIPLE) {
                    long[] bits = new long[count];
                    for (int i = 0; i < count; i++) {
                        bits[i] = (long) rows.get(i)[at] << 32 | rows.get(i)[at + 1] & 0xffffffffL;
                    }
                    ticks.put(q.key(), bits);
                } else {
                    int[] chosen = new int[count];
                    for (int i = 0; i < count; i++) {
                        chosen[i] = rows.get(i)[at];
                    }
                    single.put(q.key(), chosen);
                }
            }
            List<Question> profileQuestions = questionnaire.profileQuestions();
            this.dimensions = new Dimension[profileQuestions.size()];
            for (int p = 0; p < dimensions.length; p++) {
                Dimension d = new Dimension(profileQuestions.get(p), count);
                int[] chosen = single.get(d.question.key());
                for (int i = 0; i < count; i++) {
                    d.groupOf[i] = chosen[i];
                    d.sizes[chosen[i]]++;
                }
                dimensions[p] = d;
            }
        }

        /** Each respondent's option, or the number of options for none. */
        int[] chosen(String key) {
            return single.get(key);
        }

        /** Each respondent's ticked options, as bits. */
        long[] ticks(String key) {
            return ticks.get(key);
        }
    }

    private Answers load(long campaignId, Questionnaire questionnaire) {
        // Each respondent is one int[]: a slot per single choice (the option's index, or the
        // number of options for no answer) and two per checklist (the high and low halves of
        // the ticked options' bits).
        Map<String, Integer> slot = new HashMap<>();
        Map<String, Map<String, Integer>> optionIndex = new HashMap<>();
        int width = 0;
        for (Question q : questionnaire.questions()) {
            if (q.kind() == Kind.TEXT) {
                continue;
            }
            slot.put(q.key(), width);
            width += q.kind() == Kind.MULTIPLE ? 2 : 1;
            Map<String, Integer> index = new HashMap<>();
            for (int o = 0; o < q.options().size(); o++) {
                index.put(q.options().get(o).value(), o);
            }
            optionIndex.put(q.key(), index);
        }
        int[] empty = new int[width];
        for (Question q : questionnaire.questions()) {
            if (q.kind() != Kind.TEXT && q.kind() != Kind.MULTIPLE) {
                empty[slot.get(q.key())] = q.options().size();
            }
        }
        List<int[]> rows = new ArrayList<>();
        campaigns.eachAnswer(campaignId, (profile, answers) -> {
            int[] row = empty.clone();
            read(profile, row, slot, optionIndex);
            read(answers, row, slot, optionIndex);
            rows.add(row);
        });
        Answers loaded = new Answers(questionnaire, rows, slot);
        for (Dimension d : loaded.dimensions) {
            d.hidden = Suppression.hiddenGroups(d.sizes, k);
        }
        return loaded;
    }

    /** Reads one JSON object of answers ({@code {"key": "value", "list": ["a", "b"]}}) into the row. */
    private void read(String text, int[] row, Map<String, Integer> slot, Map<String, Map<String, Integer>> optionIndex) {
        try (JsonParser parser = json.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("An answer row is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                Integer at = slot.get(key);
                Map<String, Integer> options = optionIndex.get(key);
                if (at == null) {
                    parser.skipChildren(); // a question the campaign does not count (or no longer has)
                } else if (value == JsonToken.VALUE_STRING) {
                    Integer o = options.get(parser.getText());
                    if (o != null) {
                        row[at] = o;
                    }
                } else if (value == JsonToken.START_ARRAY) {
                    long bits = 0;
                    while (parser.nextToken() == JsonToken.VALUE_STRING) {
                        Integer o = options.get(parser.getText());
                        if (o != null) {
                            bits |= 1L << o;
                        }
                    }
                    row[at] = (int) (bits >>> 32);
                    row[at + 1] = (int) bits;
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("An answer row is not JSON", e);
        }
    }
}
