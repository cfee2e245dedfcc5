package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.engine.FieldError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * What the plan breaks, said where the editor shows it: the plan's rules name a JSON path
 * ({@code actions[2].indicators[0].targetYear1}); the editor names the input of that path in words
 * ("Azione 1.3, indicatore 1, obiettivo anno 1"), links to it from the list on top, and shows the
 * message beside it. The input of a path has the path's id ({@link #id}).
 *
 * @param list     every problem, in the plan's order, for the list on top
 * @param beside   the messages shown beside each element of the page, by its id
 * @param byAction how many problems each action has, by its place
 */
record PlanProblems(List<Problem> list, Map<String, List<String>> beside, Map<Integer, Integer> byAction) {

    /**
     * @param anchor the id of the input to correct, {@code null} when the path names nothing on the page
     * @param where  the input in words
     */
    record Problem(String anchor, String where, String message) {
    }

    /** Where a path is on the page: the element a link leads to, the one the message is shown beside. */
    private record Place(String anchor, String beside, String where, Integer action) {
    }

    private static final Pattern FIELD = Pattern.compile("fields\\[(\\d+)](?:\\.(\\w+))?");
    private static final Pattern ACTION =
            Pattern.compile("actions\\[(\\d+)](?:\\.indicators\\[(\\d+)])?(?:\\.(\\w+))?(?:\\[\\d+])?");

    static PlanProblems none() {
        return new PlanProblems(List.of(), Map.of(), Map.of());
    }

    /**
     * @param unreadable the inputs the form could not read as their type ({@link PlanForm#unreadable}):
     *                   their message says what the input expects instead of what the JSON expects
     */
    static PlanProblems of(List<FieldError> errors, PlanForm form, Map<String, String> unreadable,
                           MessageSource messages, Locale locale) {
        List<Problem> list = new ArrayList<>();
        Map<String, List<String>> beside = new HashMap<>();
        Map<Integer, Integer> byAction = new LinkedHashMap<>();
        for (FieldError e : errors) {
            Place place = place(e.field(), form, messages, locale);
            String message = unreadable.containsKey(e.field())
                    ? messages.getMessage("planEditor.unreadable." + unreadable.get(e.field()), null, locale)
                    : e.message();
            list.add(new Problem(place.anchor(), place.where(), message));
            if (place.beside() != null) {
                beside.computeIfAbsent(place.beside(), k -> new ArrayList<>()).add(message);
            }
            if (place.action() != null) {
                byAction.merge(place.action(), 1, Integer::sum);
            }
        }
        return new PlanProblems(List.copyOf(list), Collections.unmodifiableMap(beside),
                Collections.unmodifiableMap(byAction));
    }

    /** The id of the input named by a path: {@code actions[2].title} → {@code p-actions-2-title}. */
    static String id(String path) {
        return "p-" + path.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
    }

    /** The messages shown beside an element, none when it has none. */
    public List<String> at(String id) {
        return beside.getOrDefault(id, List.of());
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** The problems of the action at this place. */
    public int ofAction(int index) {
        return byAction.getOrDefault(index, 0);
    }

    private static Place place(String path, PlanForm form, MessageSource messages, Locale locale) {
        String p = path == null ? "" : path;
        switch (p) {
            case "title", "fieldsMandatory" -> {
                return new Place(id(p), id(p), word(messages, locale, "planEditor.where." + p), null);
            }
            case "fields" -> {
                return new Place(id(p), id(p), word(messages, locale, "planEditor.where.fields"), null);
            }
            case "actions" -> {
                return new Place("indice", "indice", word(messages, locale, "planEditor.where.actions"), null);
            }
            default -> {
                // below
            }
        }
        Matcher m = FIELD.matcher(p);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            String code = form.fieldCode(index);
            String field = code == null ? word(messages, locale, "planEditor.where.fieldAt", index + 1)
                    : word(messages, locale, "planEditor.where.field", code);
            String input = m.group(2);
            if (input == null) {
                // A field without actions: the way to give it one is its button in the table of contents.
                return new Place("p-fields-" + index + "-add", "p-fields-" + index, field, null);
            }
            return new Place(id(p), id(p), part(messages, locale, field, "planEditor.field." + input), null);
        }
        m = ACTION.matcher(p);
        if (!m.matches()) {
            return new Place(null, null, p, null);
        }
        int index = Integer.parseInt(m.group(1));
        String base = "p-actions-" + index;
        String code = form.actionCode(index);
        String where = code == null ? word(messages, locale, "planEditor.where.actionAt", index + 1)
                : word(messages, locale, "planEditor.where.action", code);
        String input = m.group(3);
        if (m.group(2) != null) {
            int indicator = Integer.parseInt(m.group(2));
            String ibase = base + "-indicators-" + indicator;
            where = word(messages, locale, "planEditor.where.indicator", where, indicator + 1);
            if (input == null) {
                // An indicator without any target: its first target is where one goes.
                return new Place(ibase + "-targetYear1", ibase, where, index);
            }
            String what = part(messages, locale, where, "planEditor.indicator." + input);
            // The years it is measured in: a fieldset of checkboxes, the first of which a link leads to.
            return "years".equals(input)
                    ? new Place(ibase + "-years-1", ibase + "-years", what, index)
                    : new Place(ibase + "-" + input, ibase + "-" + input, what, index);
        }
        if (input == null) {
            return new Place(base, base, where, index);
        }
        return switch (input) {
            case "years" -> new Place(base + "-years-1", base + "-years",
                    part(messages, locale, where, "planEditor.action.years"), index);
            // An action without indicators: the button that adds one.
            case "indicators" -> new Place(base + "-indicators", base + "-indicators",
                    part(messages, locale, where, "planEditor.action.indicators"), index);
            default -> new Place(base + "-" + input, base + "-" + input,
                    part(messages, locale, where, "planEditor.action." + input), index);
        };
    }

    /** "Azione 1.3, titolo": the input's label, lower-cased unless it starts with an acronym (PTAP). */
    private static String part(MessageSource messages, Locale locale, String whole, String inputKey) {
        String label = messages.getMessage(inputKey, null, inputKey, locale);
        if (label.length() > 1 && Character.isLowerCase(label.charAt(1))) {
            label = Character.toLowerCase(label.charAt(0)) + label.substring(1);
        }
        return word(messages, locale, "planEditor.where.part", whole, label);
    }

    private static String word(MessageSource messages, Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
