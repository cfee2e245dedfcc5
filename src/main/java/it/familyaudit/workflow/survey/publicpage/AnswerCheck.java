package it.familyaudit.workflow.survey.publicpage;

import it.familyaudit.workflow.survey.Lang;
import it.familyaudit.workflow.survey.Questionnaire.Kind;
import it.familyaudit.workflow.survey.Questionnaire.Option;
import it.familyaudit.workflow.survey.Questionnaire.Question;
import it.familyaudit.workflow.survey.Questionnaire;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's check of a submission against the campaign's questions, whatever the browser let
 * through: required answers, options that exist, one answer where one is asked, text lengths and
 * characters. Every problem is reported at once. Parameters that are not questions are ignored.
 */
public final class AnswerCheck {

    /** One problem with one question; {@code args} fill the message's placeholders. */
    public record Problem(String key, Message message, Object... args) {

        public String text(Lang lang) {
            return message.in(lang, args);
        }
    }

    /**
     * A valid submission, split as it is stored: profile answers, choices (a value, or the list of
     * values ticked, in the form's order) and free texts, each keyed by question.
     */
    public record Answers(Map<String, String> profile, Map<String, Object> choices, Map<String, String> texts) {
    }

    private AnswerCheck() {
    }

    public static Answers check(Questionnaire questionnaire, Map<String, String[]> submitted, List<Problem> problems) {
        Map<String, String> profile = new LinkedHashMap<>();
        Map<String, Object> choices = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Question q : questionnaire.questions()) {
            String[] raw = submitted.getOrDefault(q.key(), new String[0]);
            List<String> values = Arrays.stream(raw).filter(v -> v != null && !v.isBlank()).toList();
            if (values.isEmpty()) {
                if (q.required()) {
                    problems.add(new Problem(q.key(), Message.REQUIRED));
                }
                continue;
            }
            switch (q.kind()) {
                case SINGLE -> {
                    if (values.size() > 1) {
                        problems.add(new Problem(q.key(), Message.ONE_ONLY));
                    } else if (q.option(values.get(0)).isEmpty()) {
                        problems.add(new Problem(q.key(), Message.NOT_AN_OPTION));
                    } else if (q.profile()) {
                        profile.put(q.key(), values.get(0));
                    } else {
                        choices.put(q.key(), values.get(0));
                    }
                }
                case MULTIPLE -> {
                    Set<String> ticked = new LinkedHashSet<>(values);
                    if (!ticked.stream().allMatch(v -> q.option(v).isPresent())) {
                        problems.add(new Problem(q.key(), Message.NOT_AN_OPTION));
                    } else {
                        choices.put(q.key(), q.options().stream().map(Option::value).filter(ticked::contains).toList());
                    }
                }
                case TEXT -> {
                    String text = text(q, values, problems);
                    if (text != null) {
                        texts.put(q.key(), text);
                    }
                }
            }
        }
        return new Answers(profile, choices, texts);
    }

    private static String text(Question q, List<String> values, List<Problem> problems) {
        if (values.size() > 1) {
            problems.add(new Problem(q.key(), Message.ONE_ONLY));
            return null;
        }
        String text = values.get(0).replace("\r\n", "\n").strip();
        int length = text.codePointCount(0, text.length());
        List<Problem> found = new ArrayList<>();
        if (length > q.maxLength()) {
            found.add(new Problem(q.key(), Message.TOO_LONG, q.maxLength(), length));
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            found.add(new Problem(q.key(), Message.CONTROL_CHARACTERS));
        }
        problems.addAll(found);
        return found.isEmpty() ? text : null;
    }
}
