package it.familyaudit.workflow.tasks;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submission broke the form's rules. It is a {@link BadUserRequestException} so that Camunda's
 * REST API and Tasklist answer 400 with the message, and the task completion rolls back.
 */
public class FormValidationException extends BadUserRequestException {

    private final transient List<FieldError> errors;

    public FormValidationException(List<FieldError> errors) {
        super("Dati non validi / Invalid data: " + errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
