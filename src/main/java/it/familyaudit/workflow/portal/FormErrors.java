package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.engine.FieldError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A form's field errors as its page shows them: listed at the top, each a link to its field, and
 * again beside the field (the fragments of {@code templates/portal/forms.html}). The services state
 * an error in both languages, Italian first ("Obbligatorio / Required"); the page shows the part
 * in its own language. The templates call its methods, which are public for that reason.
 *
 * @param byField the messages of each field, in the order the fields were checked
 */
record FormErrors(Map<String, List<String>> byField) {

    private static final String BETWEEN_LANGUAGES = " / ";

    static FormErrors none() {
        return new FormErrors(Map.of());
    }

    static FormErrors of(List<FieldError> errors, Locale locale) {
        FormErrors found = none();
        for (FieldError e : errors) {
            found = found.plus(e.field(), inLanguage(e.message(), locale));
        }
        return found;
    }

    FormErrors plus(String field, String message) {
        Map<String, List<String>> all = new LinkedHashMap<>(byField);
        all.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return new FormErrors(Collections.unmodifiableMap(all));
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** The Italian or the English half of "italiano / English"; a text in one language as it is. */
    static String inLanguage(String text, Locale locale) {
        int between = text.indexOf(BETWEEN_LANGUAGES);
        if (between < 0) {
            return text;
        }
        return "en".equals(locale.getLanguage()) ? text.substring(between + BETWEEN_LANGUAGES.length())
                : text.substring(0, between);
    }
}
