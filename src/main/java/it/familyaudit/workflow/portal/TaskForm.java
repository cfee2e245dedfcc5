package it.familyaudit.workflow.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import it.familyaudit.workflow.engine.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.web.util.HtmlUtils;

/**
 * A task's form as its page draws it, read from the task's own {@code .form} (the JSON Tasklist
 * renders), component by component and in its order: texts, groups, inputs and dynamic lists, each
 * input with its value and the errors the last submission had. The template only lays it out, so
 * there is no second copy of any form to keep in step.
 *
 * @param parts    the form's components
 * @param problems every error of the last submission, in the order the checks found them, each
 *                 with the anchor of the input to correct
 */
record TaskForm(List<Part> parts, List<Problem> problems) {

    /** The id of the form element: errors that belong to no input lead there. */
    static final String FORM_ID = "modulo";
    private static final Set<String> INPUTS =
            Set.of("textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "datetime");
    private static final Set<String> WITH_CHOICES = Set.of("select", "radio", "checklist");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w*])_(.+?)_(?![\\w])");
    private static final Pattern CODE = Pattern.compile("`(.+?)`");
    private static final Pattern ALL_ITALIC = Pattern.compile("(?s)^_([^_]+)_$");
    private static final Pattern ROW_PATH = Pattern.compile("^(.+)\\[(\\d+)](?:\\.(.+))?$");

    /** A component of the form, as the template tells them apart. */
    sealed interface Part permits Text, Group, Input, Rows {
        String kind();
    }

    /** A text of the form, as safe HTML: its words escaped, then its little Markdown applied. */
    record Text(String html) implements Part {
        @Override
        public String kind() {
            return "text";
        }
    }

    /** A group of components under a legend. */
    record Group(String legend, List<Part> parts) implements Part {
        @Override
        public String kind() {
            return "group";
        }
    }

    /**
     * One input.
     *
     * @param type      {@code textfield}, {@code textarea}, {@code number}, {@code select}, {@code radio},
     *                  {@code checkbox}, {@code checklist} or {@code date}
     * @param textType  the HTML type of a text field: {@code text}, {@code email} or {@code tel}
     * @param choices   the options of a select, radio group or checklist
     * @param focus     whether the page puts the cursor here (the first input of a row just added)
     */
    record Input(String type, String id, String name, String label, String help, boolean required, boolean readonly,
                 String value, List<Choice> choices, String textType, String min, String max, String step,
                 Integer minLength, Integer maxLength, List<String> errors, boolean focus) implements Part {

        @Override
        public String kind() {
            return "input";
        }

        public boolean invalid() {
            return !errors.isEmpty();
        }

        public String helpId() {
            return help == null ? null : id + "-aiuto";
        }

        public String errorId() {
            return errors.isEmpty() ? null : id + "-errore";
        }

        /** The help and the error an input is described by, for {@code aria-describedby}; none without either. */
        public String describedBy() {
            String ids = Stream.of(helpId(), errorId()).filter(s -> s != null).collect(Collectors.joining(" "));
            return ids.isEmpty() ? null : ids;
        }

        /** Where a link to this input leads: the first option of a group of options, the input itself otherwise. */
        public String anchor() {
            return (type.equals("radio") || type.equals("checklist")) && !choices.isEmpty() ? choices.get(0).id() : id;
        }

        public boolean checked() {
            return "true".equals(value);
        }

        /** The {@code type} of an {@code <input>}: {@code text}, {@code email}, {@code tel}, {@code number} or {@code date}. */
        public String htmlType() {
            return type.equals("textfield") ? textType : type;
        }

        /** A text area tall enough for what it holds, between 3 and 12 lines. */
        public int rows() {
            int lines = 1 + (int) value.chars().filter(c -> c == '\n').count() + value.length() / 90;
            return Math.max(3, Math.min(12, lines));
        }
    }

    /** An option of a select, radio group or checklist. */
    record Choice(String id, String value, String label, boolean chosen) {
    }

    /**
     * A dynamic list: its rows, each with the list's inputs.
     *
     * @param addRemove whether rows may be added and removed (the form's {@code allowAddRemove})
     */
    record Rows(String id, String key, String label, String help, boolean addRemove, List<Row> rows,
                List<String> errors) implements Part {
        @Override
        public String kind() {
            return "rows";
        }
    }

    /**
     * A row of a dynamic list.
     *
     * @param number  its place, from 1
     * @param name    its path as errors and the remove button name it, {@code members[0]}
     * @param subject what the row is about, from its read-only inputs ({@code 1.1 · Ripensare la flessibilità}),
     *                so that its legend says it to whoever hears the form; {@code null} in a row the user fills
     */
    record Row(int number, String id, String name, String subject, List<Part> parts, List<String> errors) {
    }

    /**
     * An error, as the list on top of the page shows it.
     *
     * @param label   the field's label, or the list's for an error in one of its rows
     * @param row     the row's number (from 1) for an error in a row, else {@code null}
     * @param field   the label of the row's input, for an error on one; else {@code null}
     */
    record Problem(String anchor, String label, Integer row, String field, String message) {
    }

    /**
     * @param form    the {@code .form} JSON
     * @param values  the task's own values, where the options of a select filled by the process are
     * @param errors  what the last submission got wrong; none when the form is first shown
     * @param focus   the row ({@code members[3]}) whose first input takes the cursor, or {@code null}
     */
    static TaskForm of(JsonNode form, FormState state, Map<String, Object> values, List<FieldError> errors,
                       String focus) {
        Builder builder = new Builder(state, values, errors, focus);
        List<Part> parts = builder.parts(form.path("components"), "");
        return new TaskForm(parts, builder.problems());
    }

    /** The dynamic lists whose rows the user adds and removes, by key. */
    static Set<String> editableLists(JsonNode form) {
        Set<String> keys = new LinkedHashSet<>();
        lists(form.path("components"), (key, list) -> {
            if (list.path("allowAddRemove").asBoolean(false)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** How many rows each dynamic list starts with when the task has none yet (form-js's {@code defaultRepetitions}). */
    static Map<String, Integer> defaultRows(JsonNode form) {
        Map<String, Integer> rows = new HashMap<>();
        lists(form.path("components"), (key, list) -> rows.put(key, Math.max(0, list.path("defaultRepetitions").asInt(1))));
        return rows;
    }

    private static void lists(JsonNode components, BiConsumer<String, JsonNode> each) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if (type.equals("dynamiclist")) {
                each.accept(c.path("path").asText(c.path("key").asText()), c);
            } else if (type.equals("group")) {
                lists(c.path("components"), each);
            }
        }
    }

    /**
     * The little Markdown form-js texts use: paragraphs, line breaks, **bold**, _italics_ and
     * `code`. The text is escaped first, so nothing in it can become markup of its own. A paragraph
     * all in italics is the English one, by the forms' own convention, and says so to screen readers.
     */
    static String markdown(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            Matcher english = ALL_ITALIC.matcher(p);
            boolean inEnglish = english.matches();
            String escaped = HtmlUtils.htmlEscape(inEnglish ? english.group(1) : p, "UTF-8");
            escaped = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
            escaped = ITALIC.matcher(escaped).replaceAll("<em>$1</em>");
            escaped = CODE.matcher(escaped).replaceAll("<code>$1</code>");
            escaped = escaped.replace("\n", "<br>");
            html.append(inEnglish ? "<p lang=\"en\"><em>" + escaped + "</em></p>" : "<p>" + escaped + "</p>");
        }
        return html.toString();
    }

    /** An id for an input name: {@code members[0].gender} becomes {@code f-members-0-gender}. */
    static String idOf(String name) {
        return "f-" + name.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-$", "");
    }

    /** Walks the form once, collecting where each error goes. */
    private static final class Builder {

        private final FormState state;
        private final Map<String, Object> values;
        private final List<FieldError> errors;
        private final Map<String, List<String>> errorsByName = new LinkedHashMap<>();
        private final String focus;
        /** Anchor and label of every input, row and list drawn, by name. */
        private final Map<String, String> anchors = new HashMap<>();
        private final Map<String, String> labels = new HashMap<>();

        Builder(FormState state, Map<String, Object> values, List<FieldError> errors, String focus) {
            this.state = state;
            this.values = values;
            this.errors = errors;
            this.focus = focus;
            errors.forEach(e -> errorsByName.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(e.message()));
        }

        List<Part> parts(JsonNode components, String prefix) {
            List<Part> parts = new ArrayList<>();
            for (JsonNode c : components) {
                String type = c.path("type").asText();
                switch (type) {
                    case "text" -> parts.add(new Text(markdown(c.path("text").asText(""))));
                    case "group" -> parts.add(new Group(text(c, "label"), parts(c.path("components"), prefix)));
                    // Our forms do not nest lists; a list inside a row would have no way to be sent.
                    case "dynamiclist" -> {
                        if (prefix.isEmpty()) {
                            parts.add(rows(c));
                        }
                    }
                    default -> {
                        if (INPUTS.contains(type) && c.hasNonNull("key")) {
                            parts.add(input(c, type, prefix));
                        }
                    }
                }
            }
            return parts;
        }

        private Rows rows(JsonNode c) {
            String key = c.path("path").asText(c.path("key").asText());
            String label = text(c, "label");
            String id = idOf(key);
            List<Row> rows = new ArrayList<>();
            String firstAnchor = null;
            for (int i = 0; i < state.rows(key); i++) {
                String name = key + "[" + i + "]";
                List<Part> inputs = parts(c.path("components"), name + ".");
                String rowAnchor = inputs.stream().filter(p -> p instanceof Input).map(p -> ((Input) p).anchor())
                        .findFirst().orElse(idOf(name));
                firstAnchor = firstAnchor == null ? rowAnchor : firstAnchor;
                anchors.put(name, rowAnchor);
                String subject = inputs.stream().filter(p -> p instanceof Input in && in.readonly() && !in.value().isBlank())
                        .map(p -> ((Input) p).value()).limit(3).collect(Collectors.joining(" · "));
                rows.add(new Row(i + 1, idOf(name), name, subject.isEmpty() ? null : subject, inputs, errorsOf(name)));
            }
            anchors.put(key, firstAnchor == null ? id : firstAnchor);
            labels.put(key, label == null ? key : label);
            return new Rows(id, key, label, text(c, "description"), c.path("allowAddRemove").asBoolean(false), rows,
                    errorsOf(key));
        }

        private Input input(JsonNode c, String type, String prefix) {
            String name = prefix + c.path("key").asText();
            String id = idOf(name);
            String label = text(c, "label");
            if (label == null) {
                label = text(c, "dateLabel");
            }
            label = label == null ? c.path("key").asText() : label;
            JsonNode rules = c.path("validate");
            String shown = type.equals("datetime") ? "date" : type;
            List<Choice> choices = new ArrayList<>();
            if (WITH_CHOICES.contains(type)) {
                List<String> chosen = type.equals("checklist") ? state.values(name) : List.of(state.value(name));
                int i = 0;
                for (JsonNode option : options(c)) {
                    String value = option.path("value").asText();
                    choices.add(new Choice(id + "-" + i++, value, option.path("label").asText(value),
                            chosen.contains(value)));
                }
            }
            String min = null;
            String max = null;
            String step = null;
            if (type.equals("number")) {
                min = number(rules, "min");
                max = number(rules, "max");
                // The server's rule: two decimals unless the form says otherwise.
                int digits = c.path("decimalDigits").canConvertToInt() ? c.path("decimalDigits").asInt() : 2;
                step = BigDecimal.ONE.movePointLeft(Math.max(0, digits)).toPlainString();
            }
            String textType = switch (rules.path("validationType").asText()) {
                case "email" -> "email";
                case "phone" -> "tel";
                default -> "text";
            };
            Input input = new Input(shown, id, name, label, text(c, "description"),
                    rules.path("required").asBoolean(false), c.path("readonly").asBoolean(false), state.value(name),
                    choices, textType, min, max, step, integer(rules, "minLength"), integer(rules, "maxLength"),
                    errorsOf(name), focus != null && prefix.equals(focus + ".") && !anchors.containsKey(focus));
            anchors.put(name, input.anchor());
            labels.put(name, label);
            if (input.focus()) {
                anchors.put(focus, input.anchor());
            }
            return input;
        }

        /** The options written in the form, or those the process gave the task ({@code valuesKey}). */
        private List<JsonNode> options(JsonNode c) {
            List<JsonNode> options = new ArrayList<>();
            if (c.has("values")) {
                c.get("values").forEach(options::add);
            } else if (c.hasNonNull("valuesKey")) {
                Object given = values.get(c.get("valuesKey").asText());
                if (given instanceof JsonNode node && node.isArray()) {
                    node.forEach(options::add);
                } else if (given instanceof List<?> list) {
                    for (Object o : list) {
                        if (o instanceof Map<?, ?> m) {
                            String value = String.valueOf(m.get("value"));
                            Object label = m.get("label");
                            options.add(JsonNodeFactory.instance.objectNode()
                                    .put("value", value).put("label", label == null ? value : label.toString()));
                        }
                    }
                }
            }
            return options;
        }

        private List<String> errorsOf(String name) {
            return errorsByName.getOrDefault(name, List.of());
        }

        List<Problem> problems() {
            List<Problem> problems = new ArrayList<>();
            for (FieldError e : errors) {
                Matcher row = ROW_PATH.matcher(e.field());
                String anchor = anchorOf(e.field());
                if (row.matches() && labels.containsKey(row.group(1))) {
                    String child = row.group(3) == null ? null
                            : labels.getOrDefault(e.field(), row.group(3));
                    problems.add(new Problem(anchor, labels.get(row.group(1)), Integer.parseInt(row.group(2)) + 1,
                            child, e.message()));
                } else {
                    problems.add(new Problem(anchor, labels.getOrDefault(e.field(), e.field()), null, null,
                            e.message()));
                }
            }
            return problems;
        }

        /** The input an error is about, else its row, else its list, else the form. */
        private String anchorOf(String field) {
            String name = field;
            while (true) {
                if (anchors.containsKey(name)) {
                    return anchors.get(name);
                }
                Matcher row = ROW_PATH.matcher(name);
                if (!row.matches()) {
                    return FORM_ID;
                }
                name = row.group(3) != null ? row.group(1) + "[" + row.group(2) + "]" : row.group(1);
            }
        }

        private static String text(JsonNode c, String name) {
            return c.hasNonNull(name) && !c.get(name).asText().isBlank() ? c.get(name).asText() : null;
        }

        private static String number(JsonNode rules, String name) {
            return rules.path(name).isNumber() ? rules.get(name).decimalValue().toPlainString() : null;
        }

        private static Integer integer(JsonNode rules, String name) {
            return rules.path(name).canConvertToInt() ? rules.get(name).asInt() : null;
        }
    }
}
