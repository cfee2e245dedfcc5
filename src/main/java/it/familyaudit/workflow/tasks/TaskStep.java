package it.familyaudit.workflow.tasks;

import it.familyaudit.workflow.engine.FieldError;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What the application does around one kind of user task: the variables its form needs, the
 * checks a form schema cannot express, and the business records a completion writes. Runs inside
 * the engine transaction, so every way of completing the task gets the same checks and writes.
 */
public interface TaskStep {

    /** The BPMN id of the user task, e.g. {@code ApprovePlanTask}. */
    String taskKey();

    /** The phase the certification is in while the task is open; {@code null} leaves the phase as it is. */
    String phase();

    /** Task-local variables the form shows: select options, values already known. */
    default Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        return Map.of();
    }

    /**
     * Form values that change while the task is open, worked out again each time our API shows the
     * task (Tasklist shows what {@link #formVariables} and the step itself keep in task variables).
     */
    default Map<String, Object> currentValues(long certificationId) {
        return Map.of();
    }

    /** Rules across fields or against our records; adds one error per problem. */
    default void validate(TaskSubmission submission, List<FieldError> errors) {
    }

    /** Writes the business records and says what the timeline and the process need to know. */
    StepOutcome complete(TaskSubmission submission);
}
