package it.familyaudit.workflow.tasks;

import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.EngineTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Re-checks a submission against its form, whatever way it came in (our API, Tasklist,
 * {@code /engine-rest}): every error at once, Italian messages, values turned into Java types.
 */
public final class FormValidator {

    /** No form of ours has more rows than this; more is an attack or a mistake. */
    public static final int MAX_ROWS = 200;
    private static final int DEFAULT_MAX_LENGTH = 4000;
    /** Digits before the point of any number of a form: more than any column of ours holds. */
    private static final int MAX_INTEGER_DIGITS = 15;
    /** What a date with a year of more or fewer than four digits is told ({@link EngineTime#withinCalendar}). */
    public static final String OUT_OF_CALENDAR = "Data non valida: l'anno va da 1000 a 9999";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private FormValidator() {
    }

    /**
     * @param raw     what was submitted, by form key (strings, numbers, lists of maps)
     * @param errors  receives every problem found
     * @return the values as {@link String}, {@link BigDecimal}, {@link LocalDate} or lists of maps of those
     */
    public static FormValues validate(FormSchema schema, Map<String, Object> raw, List<FieldError> errors) {
        Map<String, Object> clean = new LinkedHashMap<>();
        for (FormField field : schema.fields()) {
            if (field.readonly()) {
                continue; // shown, never taken from the user
            }
            Object value = check(field, field.key(), raw.get(field.key()), errors);
            if (value != null) {
                clean.put(field.key(), value);
            }
        }
        return new FormValues(clean);
    }

    private static Object check(FormField field, String path, Object value, List<FieldError> errors) {
        if (isEmpty(value)) {
            if (field.required()) {
                errors.add(new FieldError(path, "Campo obbligatorio"));
            }
            return null;
        }
        return switch (field.type()) {
            case "number" -> number(field, path, value, errors);
            case "datetime" -> date(path, value, errors);
            case "select", "radio" -> option(field, path, value, errors);
            case "checkbox" -> bool(path, value, errors);
            case "dynamiclist" -> rows(field, path, value, errors);
            default -> text(field, path, value, errors);
        };
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof List<?> l && l.isEmpty());
    }

    private static String text(FormField field, String path, Object value, List<FieldError> errors) {
        if (!(value instanceof String s)) {
            errors.add(new FieldError(path, "Deve essere un testo"));
            return null;
        }
        String text = s.strip();
        int length = text.codePointCount(0, text.length());
        int max = field.maxLength() == null ? DEFAULT_MAX_LENGTH : field.maxLength();
        boolean ok = true;
        if (length > max) {
            errors.add(new FieldError(path, "Al massimo " + max + " caratteri (ne hai scritti " + length + ")"));
            ok = false;
        }
        if (field.minLength() != null && length < field.minLength()) {
            errors.add(new FieldError(path, "Almeno " + field.minLength() + " caratteri"));
            ok = false;
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(new FieldError(path, "Contiene caratteri di controllo non ammessi"));
            ok = false;
        }
        if (ok && field.email() && !EMAIL.matcher(text).matches()) {
            errors.add(new FieldError(path, "Indirizzo e-mail non valido"));
            ok = false;
        }
        if (ok && field.pattern() != null && !matches(field.pattern(), text)) {
            errors.add(new FieldError(path, "Formato non valido"));
            ok = false;
        }
        return ok ? text : null;
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("The form has a broken pattern: " + pattern, e);
        }
    }

    private static BigDecimal number(FormField field, String path, Object value, List<FieldError> errors) {
        BigDecimal number;
        try {
            number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(path, "Deve essere un numero"));
            return null;
        }
        if (number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
            // 1e999999999 is short to send, but a billion digits to write out: no form counts that far.
            errors.add(new FieldError(path, "Numero troppo grande (al massimo " + MAX_INTEGER_DIGITS
                    + " cifre prima della virgola)"));
            return null;
        }
        boolean ok = true;
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            errors.add(new FieldError(path, "Il minimo è " + field.min().toPlainString()));
            ok = false;
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            errors.add(new FieldError(path, "Il massimo è " + field.max().toPlainString()));
            ok = false;
        }
        int digits = field.decimalDigits() == null ? 2 : field.decimalDigits();
        if (number.stripTrailingZeros().scale() > digits) {
            errors.add(new FieldError(path, digits == 0 ? "Deve essere un numero intero" : "Al massimo " + digits + " decimali"));
            ok = false;
        }
        return ok ? number : null;
    }

    private static LocalDate date(String path, Object value, List<FieldError> errors) {
        LocalDate day;
        if (value instanceof Date d) {
            day = EngineTime.dayOf(d);
        } else {
            try {
                day = LocalDate.parse(value.toString().strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(path, "Data non valida: usare il formato AAAA-MM-GG"));
                return null;
            }
        }
        if (!EngineTime.withinCalendar(day)) {
            errors.add(new FieldError(path, OUT_OF_CALENDAR));
            return null;
        }
        return day;
    }

    private static String option(FormField field, String path, Object value, List<FieldError> errors) {
        String chosen = value.toString();
        if (!(value instanceof String) || (field.options() != null && !field.options().contains(chosen))) {
            errors.add(new FieldError(path, "Valore non ammesso"));
            return null;
        }
        return chosen;
    }

    private static Boolean bool(String path, Object value, List<FieldError> errors) {
        if (value instanceof Boolean b) {
            return b;
        }
        errors.add(new FieldError(path, "Deve essere vero o falso"));
        return null;
    }

    private static List<Map<String, Object>> rows(FormField field, String path, Object value, List<FieldError> errors) {
        if (!(value instanceof List<?> list)) {
            errors.add(new FieldError(path, "Deve essere un elenco"));
            return null;
        }
        if (list.size() > MAX_ROWS) {
            errors.add(new FieldError(path, "Al massimo " + MAX_ROWS + " righe"));
            return null;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String rowPath = path + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> row)) {
                errors.add(new FieldError(rowPath, "Riga non valida"));
                continue;
            }
            Map<String, Object> clean = new LinkedHashMap<>();
            for (FormField child : field.children()) {
                Object v = check(child, rowPath + "." + child.key(), row.get(child.key()), errors);
                if (v != null) {
                    clean.put(child.key(), v);
                }
            }
            rows.add(clean);
        }
        return rows;
    }
}
