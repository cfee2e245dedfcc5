package it.familyaudit.workflow.survey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The questions of a campaign, read from its form-js JSON ({@code forms/needs-questionnaire.form}
 * as it was when the campaign opened): what the public page shows and what the server accepts.
 *
 * <p>Italian texts are the form's own labels; English ones are custom properties of the component
 * (Camunda Modeler, "Custom properties"): {@code en} for the label or text, {@code en.description},
 * and {@code en.<value>} for each option. Questions whose key starts with {@code profilo_} are the
 * profile questions every result is broken down by. Supported components: radio, select,
 * checklist, textarea, textfield, text and group; any other input fails the parse, so a campaign
 * never opens with a question the page cannot show or the server cannot check.
 */
public final class Questionnaire {

    static final String PROFILE_PREFIX = "profilo_";
    static final int TEXTAREA_MAX = 2000;
    static final int TEXTFIELD_MAX = 200;
    private static final int HARD_MAX = 4000;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,59}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{1,60}");

    /** What the page shows, in order. */
    public sealed interface Block permits Note, Section, Question {
    }

    public record Note(Text text) implements Block {
    }

    public record Section(Text title, List<Block> blocks) implements Block {
    }

    public enum Widget { RADIO, SELECT, CHECKLIST, TEXTAREA, TEXTFIELD }

    public enum Kind { SINGLE, MULTIPLE, TEXT }

    public record Option(String value, Text label) {
    }

    public record Question(String key, Widget widget, Text label, Text description, boolean required, List<Option> options,
                    int maxLength) implements Block {

        public Kind kind() {
            return switch (widget) {
                case RADIO, SELECT -> Kind.SINGLE;
                case CHECKLIST -> Kind.MULTIPLE;
                case TEXTAREA, TEXTFIELD -> Kind.TEXT;
            };
        }

        public boolean profile() {
            return key.startsWith(PROFILE_PREFIX);
        }

        public Optional<Option> option(String value) {
            return options.stream().filter(o -> o.value().equals(value)).findFirst();
        }

        /**
         * A rating: a single choice with at least three whole-number options (1 = worst). Other
         * options ("not applicable") count as answers but not in the rating.
         */
        public boolean scale() {
            return kind() == Kind.SINGLE && !profile() && options.stream().filter(o -> score(o.value()) != null).count() >= 3;
        }

        public static Integer score(String value) {
            return value.matches("\\d{1,2}") ? Integer.valueOf(value) : null;
        }
    }

    /** A text in both languages; English falls back to Italian where the form has none. */
    public record Text(String it, String en) {

        public String in(Lang lang) {
            return lang == Lang.EN && en != null && !en.isBlank() ? en : it;
        }
    }

    private final List<Block> blocks;
    private final Map<String, Question> questions = new LinkedHashMap<>();

    private Questionnaire(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
        collect(blocks);
    }

    private void collect(List<Block> found) {
        for (Block b : found) {
            if (b instanceof Question q) {
                questions.put(q.key(), q);
            } else if (b instanceof Section s) {
                collect(s.blocks());
            }
        }
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** Every question, in the order of the form. */
    public List<Question> questions() {
        return List.copyOf(questions.values());
    }

    public List<Question> profileQuestions() {
        return questions.values().stream().filter(Question::profile).toList();
    }

    public Optional<Question> question(String key) {
        return Optional.ofNullable(questions.get(key));
    }

    /** @throws IllegalArgumentException naming every problem of the form */
    static Questionnaire parse(JsonNode form) {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<Block> blocks = blocks(form.path("components"), keys, problems);
        if (keys.isEmpty()) {
            problems.add("the questionnaire has no question");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Questionario non valido / Invalid questionnaire: " + String.join("; ", problems));
        }
        return new Questionnaire(blocks);
    }

    private static List<Block> blocks(JsonNode components, Set<String> keys, List<String> problems) {
        List<Block> blocks = new ArrayList<>();
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            JsonNode props = c.path("properties");
            switch (type) {
                case "text" -> blocks.add(new Note(new Text(c.path("text").asText(""), props.path("en").asText(null))));
                case "group" -> blocks.add(new Section(new Text(c.path("label").asText(""), props.path("en").asText(null)),
                        blocks(c.path("components"), keys, problems)));
                case "radio", "select", "checklist", "textarea", "textfield" -> {
                    Question q = question(c, Widget.valueOf(type.toUpperCase(Locale.ROOT)), problems);
                    if (q != null && !keys.add(q.key())) {
                        problems.add("the key " + q.key() + " is used twice");
                    }
                    blocks.add(q);
                }
                case "spacer", "separator" -> {
                    // layout only
                }
                default -> problems.add("component " + c.path("id").asText("?") + " of type '" + type
                        + "' is not supported in the questionnaire");
            }
        }
        blocks.removeIf(b -> b == null);
        return blocks;
    }

    private static Question question(JsonNode c, Widget widget, List<String> problems) {
        String key = c.path("key").asText("");
        if (!KEY.matcher(key).matches()) {
            problems.add("the key '" + key + "' must be lower-case letters, digits and _ (starting with a letter)");
            return null;
        }
        JsonNode props = c.path("properties");
        List<Option> options = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (JsonNode o : c.path("values")) {
            String value = o.path("value").asText("");
            if (!VALUE.matcher(value).matches() || !values.add(value)) {
                problems.add(key + ": the option value '" + value + "' is missing, repeated or has other than letters, digits, - and _");
                continue;
            }
            options.add(new Option(value, new Text(o.path("label").asText(value), props.path("en." + value).asText(null))));
        }
        boolean choice = widget != Widget.TEXTAREA && widget != Widget.TEXTFIELD;
        if (widget == Widget.CHECKLIST && options.size() > 64) {
            problems.add(key + ": a checklist has at most 64 options");
        }
        if (choice && options.size() < 2) {
            problems.add(key + ": a choice needs at least two options written in the form (not taken from a variable)");
        }
        if (key.startsWith(PROFILE_PREFIX) && widget != Widget.RADIO && widget != Widget.SELECT) {
            problems.add(key + ": a profile question must be a single choice (radio or select)");
        }
        JsonNode validate = c.path("validate");
        int max = widget == Widget.TEXTAREA ? TEXTAREA_MAX : TEXTFIELD_MAX;
        if (validate.path("maxLength").canConvertToInt()) {
            max = Math.min(HARD_MAX, Math.max(1, validate.path("maxLength").asInt()));
        }
        Text description = c.hasNonNull("description")
                ? new Text(c.get("description").asText(), props.path("en.description").asText(null)) : null;
        return new Question(key, widget, new Text(c.path("label").asText(key), props.path("en").asText(null)), description,
                validate.path("required").asBoolean(false), List.copyOf(options), max);
    }
}
