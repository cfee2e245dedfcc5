package it.familyaudit.workflow.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The {@code forms/*.form} files, read once from the class path: the same files Camunda deploys
 * and Tasklist renders, so the server checks exactly what the user was shown.
 */
public final class FormRegistry {

    private static final Set<String> INPUT_TYPES =
            Set.of("textfield", "textarea", "number", "select", "radio", "datetime", "dynamiclist", "checkbox");

    private final Map<String, FormSchema> forms;
    /** The form of each user task, as the deployed models name it (filled while they are parsed). */
    private final Map<String, String> formOfTask = new ConcurrentHashMap<>();

    private FormRegistry(Map<String, FormSchema> forms) {
        this.forms = Map.copyOf(forms);
    }

    public static FormRegistry loadFromClasspath(ObjectMapper json) {
        Map<String, FormSchema> forms = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    FormSchema schema = parse(json.readTree(in));
                    if (forms.put(schema.id(), schema) != null) {
                        throw new IllegalStateException("Two forms share the id " + schema.id());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms", e);
        }
        return new FormRegistry(forms);
    }

    public Optional<FormSchema> find(String formId) {
        return Optional.ofNullable(forms.get(formId));
    }

    public FormSchema get(String formId) {
        return find(formId).orElseThrow(() -> new IllegalStateException("No form with id " + formId));
    }

    void bindTask(String taskKey, String formId) {
        formOfTask.put(taskKey, formId);
    }

    /** The form id of a user task of a deployed model, without asking the engine; none for standalone tasks. */
    public Optional<String> formOfTask(String taskKey) {
        return taskKey == null ? Optional.empty() : Optional.ofNullable(formOfTask.get(taskKey));
    }

    public Set<String> ids() {
        return forms.keySet();
    }

    static FormSchema parse(JsonNode form) {
        String id = form.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("A form has no id");
        }
        return new FormSchema(id, form, fields(form.path("components")));
    }

    private static List<FormField> fields(JsonNode components) {
        List<FormField> fields = new ArrayList<>();
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if (type.equals("group")) {
                fields.addAll(fields(c.path("components")));
            } else if (INPUT_TYPES.contains(type)) {
                fields.add(field(c, type));
            }
        }
        return fields;
    }

    private static FormField field(JsonNode c, String type) {
        JsonNode v = c.path("validate");
        boolean list = type.equals("dynamiclist");
        String key = list ? c.path("path").asText(c.path("key").asText()) : c.path("key").asText();
        String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(key);
        Set<String> options = null;
        if (c.has("values")) {
            options = new LinkedHashSet<>();
            for (JsonNode o : c.get("values")) {
                options.add(o.path("value").asText());
            }
        }
        return new FormField(
                key,
                type,
                label,
                v.path("required").asBoolean(false),
                c.path("readonly").asBoolean(false),
                integer(v, "minLength"),
                integer(v, "maxLength"),
                decimal(v, "min"),
                decimal(v, "max"),
                integer(c, "decimalDigits"),
                v.hasNonNull("pattern") ? v.get("pattern").asText() : null,
                "email".equals(v.path("validationType").asText()),
                options,
                c.hasNonNull("valuesKey") ? c.get("valuesKey").asText() : null,
                list ? fields(c.path("components")) : List.of());
    }

    private static Integer integer(JsonNode node, String name) {
        return node.hasNonNull(name) && node.get(name).canConvertToInt() ? node.get(name).asInt() : null;
    }

    private static BigDecimal decimal(JsonNode node, String name) {
        return node.hasNonNull(name) && node.get(name).isNumber() ? node.get(name).decimalValue() : null;
    }
}
