package it.familyaudit.workflow.portal;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.tasks.FormField;
import it.familyaudit.workflow.tasks.FormSchema;
import it.familyaudit.workflow.tasks.FormValidator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task form's values as its page holds them: text by input name ({@code employeesInvolved},
 * {@code members[0].memberName}), the way a browser posts them. Filled from the task to show the
 * form, from the request when it comes back (so whatever was typed is shown again, even where it
 * is wrong), and read in the types the form declares to complete the task.
 */
final class FormState {

    /** An input of a row of a dynamic list: {@code members[2].gender}. */
    private static final Pattern ROW_INPUT = Pattern.compile("^(.+)\\[(\\d{1,4})]\\.(.+)$");
    /** A row of a dynamic list: {@code members[2]}. */
    private static final Pattern ROW = Pattern.compile("^(.+)\\[(\\d{1,4})]$");
    /** The day as people write it when a browser offers no date picker. */
    private static final DateTimeFormatter ITALIAN_DAY = DateTimeFormatter.ofPattern("d/M/uuuu");

    private final Map<String, List<String>> values;
    private final Map<String, Integer> rows;

    private FormState(Map<String, List<String>> values, Map<String, Integer> rows) {
        this.values = values;
        this.rows = rows;
    }

    /**
     * The values the task has now, as text. A dynamic list without values starts with the rows its
     * form asks for ({@code defaultRows}, form-js's {@code defaultRepetitions}).
     */
    static FormState of(FormSchema schema, Map<String, Object> task, Map<String, Integer> defaultRows) {
        FormState state = new FormState(new HashMap<>(), new HashMap<>());
        for (FormField field : schema.fields()) {
            Object value = task.get(field.key());
            if (!field.isList()) {
                state.put(field.key(), field, value);
                continue;
            }
            List<Object> rowValues = listOf(value);
            int count = value == null ? defaultRows.getOrDefault(field.key(), 1) : rowValues.size();
            state.rows.put(field.key(), Math.min(count, FormValidator.MAX_ROWS));
            for (int i = 0; i < state.rows(field.key()); i++) {
                Map<String, Object> row = i < rowValues.size() ? mapOf(rowValues.get(i)) : Map.of();
                for (FormField child : field.children()) {
                    state.put(field.key() + "[" + i + "]." + child.key(), child, row.get(child.key()));
                }
            }
        }
        return state;
    }

    /**
     * What the browser sent. A field the form shows read-only keeps the task's own value; a row of
     * a list sends its read-only inputs too, because the form's checks read them.
     */
    static FormState posted(FormSchema schema, Map<String, String[]> parameters, FormState task) {
        FormState state = new FormState(new HashMap<>(), new HashMap<>());
        for (FormField field : schema.fields()) {
            if (field.readonly()) {
                state.values.put(field.key(), task.values(field.key()));
            } else if (!field.isList()) {
                state.values.put(field.key(), List.of(parameters.getOrDefault(field.key(), new String[0])));
            }
        }
        for (String name : parameters.keySet()) {
            Matcher input = ROW_INPUT.matcher(name);
            if (input.matches() && schema.field(input.group(1)).filter(FormField::isList).isPresent()) {
                int index = Integer.parseInt(input.group(2));
                if (index < FormValidator.MAX_ROWS) {
                    state.rows.merge(input.group(1), index + 1, Math::max);
                    state.values.put(name, List.of(parameters.get(name)));
                }
            }
        }
        return state;
    }

    int rows(String listKey) {
        return rows.getOrDefault(listKey, 0);
    }

    /** The first value of an input, empty if none was given. */
    String value(String name) {
        List<String> found = values.get(name);
        return found == null || found.isEmpty() || found.get(0) == null ? "" : found.get(0);
    }

    /** Every value of an input (the options chosen in a checklist). */
    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** One more empty row at the end of the list; answers its index, or -1 when the list is full. */
    int addRow(String listKey) {
        int count = rows(listKey);
        if (count >= FormValidator.MAX_ROWS) {
            return -1;
        }
        rows.put(listKey, count + 1);
        return count;
    }

    /** Removes a row ({@code members[2]}): the rows after it move up one place, with what was typed in them. */
    void removeRow(String row, Set<String> removable) {
        Matcher m = ROW.matcher(row == null ? "" : row);
        if (!m.matches() || !removable.contains(m.group(1))) {
            return;
        }
        String key = m.group(1);
        int index = Integer.parseInt(m.group(2));
        int count = rows(key);
        if (index >= count) {
            return;
        }
        String prefix = key + "[";
        Map<String, List<String>> moved = new HashMap<>();
        values.entrySet().removeIf(e -> {
            Matcher input = ROW_INPUT.matcher(e.getKey());
            if (!input.matches() || !input.group(1).equals(key)) {
                return false;
            }
            int i = Integer.parseInt(input.group(2));
            if (i > index) {
                moved.put(prefix + (i - 1) + "]." + input.group(3), e.getValue());
            }
            return i >= index;
        });
        values.putAll(moved);
        rows.put(key, count - 1);
    }

    /**
     * The values in the types the form declares, as our API takes them and its checks read them:
     * text as typed, numbers as {@link BigDecimal}, days as ISO dates ({@code 2026-03-31}), a
     * checkbox as {@link Boolean}, a dynamic list as a list of rows. Empty inputs are left out, as
     * an empty field is. What cannot be read as its type (letters in a number) is passed as typed,
     * so the form's own check reports it beside every other error, in the same words as for the API.
     * Read-only fields are the task's, not the user's: they are not sent.
     */
    Map<String, Object> typed(FormSchema schema) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (FormField field : schema.fields()) {
            if (field.readonly()) {
                continue;
            }
            if (field.isList()) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (int i = 0; i < rows(field.key()); i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (FormField child : field.children()) {
                        Object value = typed(child, field.key() + "[" + i + "]." + child.key());
                        if (value != null) {
                            row.put(child.key(), value);
                        }
                    }
                    list.add(row);
                }
                typed.put(field.key(), list);
            } else {
                Object value = typed(field, field.key());
                if (value != null) {
                    typed.put(field.key(), value);
                }
            }
        }
        return typed;
    }

    private Object typed(FormField field, String name) {
        if (field.type().equals("checkbox")) {
            return "true".equals(value(name));
        }
        String text = value(name);
        if (text.isBlank()) {
            return null;
        }
        return switch (field.type()) {
            case "number" -> number(text);
            case "datetime" -> day(text);
            default -> text;
        };
    }

    /** {@code 1500}, {@code 12.5}, or the Italian {@code 12,5} that a browser without number inputs sends. */
    private static Object number(String text) {
        String plain = text.strip().replace(" ", "");
        if (plain.indexOf(',') >= 0 && plain.indexOf('.') < 0) {
            plain = plain.replace(',', '.');
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** Date inputs send {@code 2026-03-31}; typed by hand, {@code 31/3/2026} is read as well. */
    private static String day(String text) {
        String plain = text.strip();
        try {
            return LocalDate.parse(plain).toString();
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(plain, ITALIAN_DAY).toString();
            } catch (DateTimeParseException notItalian) {
                return text;
            }
        }
    }

    private void put(String name, FormField field, Object value) {
        if (value == null || value instanceof JsonNode node && node.isNull()) {
            return;
        }
        if (value instanceof JsonNode node && node.isArray() || value instanceof List<?>) {
            List<String> texts = new ArrayList<>();
            listOf(value).forEach(v -> texts.add(text(field, v)));
            values.put(name, texts);
        } else {
            values.put(name, List.of(text(field, value)));
        }
    }

    /** A value of the task as an input shows it: days as ISO dates, numbers without exponents. */
    private static String text(FormField field, Object value) {
        if (value instanceof JsonNode node) {
            value = node.isNumber() ? node.decimalValue() : node.isBoolean() ? node.booleanValue() : node.asText();
        }
        if (value instanceof Date date) {
            value = date.toInstant();
        }
        boolean day = field.type().equals("datetime");
        if (value instanceof Instant instant) {
            return day ? LocalDate.ofInstant(instant, EngineTime.ZONE).toString() : instant.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        String text = value.toString();
        if (day && text.length() > 10 && text.charAt(10) == 'T') {
            return text.substring(0, 10); // a date-time variable: the form asks for its day
        }
        return text;
    }

    private static List<Object> listOf(Object value) {
        List<Object> list = new ArrayList<>();
        if (value instanceof JsonNode node && node.isArray()) {
            node.forEach(list::add);
        } else if (value instanceof List<?> l) {
            list.addAll(l);
        }
        return list;
    }

    private static Map<String, Object> mapOf(Object row) {
        Map<String, Object> map = new HashMap<>();
        if (row instanceof JsonNode node && node.isObject()) {
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        } else if (row instanceof Map<?, ?> m) {
            m.forEach((k, v) -> map.put(String.valueOf(k), v));
        }
        return map;
    }
}
