package it.familyaudit.workflow.engine;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission broke the form's rules; the task completion rolls back. It is Camunda's own
 * form-validation exception, which Camunda's REST API (and so Tasklist) answers with 400 and the
 * message, as our API does.
 */
public class FormValidationException extends FormFieldValidationException {

    private final transient List<FieldError> errors;

    public FormValidationException(List<FieldError> errors) {
        super(List.copyOf(errors), "Dati non validi / Invalid data: " + errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
