package it.familyaudit.workflow.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** A parsed {@code .form} file: the JSON as Camunda serves it, and the inputs we validate. */
public record FormSchema(String id, JsonNode json, List<FormField> fields) {

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    public List<String> keys() {
        return fields.stream().map(FormField::key).toList();
    }
}
