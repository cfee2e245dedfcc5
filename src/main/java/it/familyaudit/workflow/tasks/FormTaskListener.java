package it.familyaudit.workflow.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.engine.EngineAccess;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.security.Roles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Attached to every user task by {@link FormTasks}. On create it moves the
 * certification to the task's phase and gives the form its options; on complete it validates the
 * submission against the task's form, lets the step write its records, and leaves only the
 * step's decisions as process variables. It runs inside the engine's transaction: a failed check
 * rolls the completion back whether it came from our API, Tasklist or {@code /engine-rest}.
 */
final class FormTaskListener implements TaskListener {

    private final String formId;
    private final FormRegistry forms;
    private final TaskSteps steps;
    private final CertificationJournal journal;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    FormTaskListener(String formId, FormRegistry forms, TaskSteps steps, CertificationJournal journal, ObjectMapper json,
                     ApplicationEventPublisher events) {
        this.formId = formId;
        this.forms = forms;
        this.steps = steps;
        this.journal = journal;
        this.json = json;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task);
            case EVENTNAME_COMPLETE -> completed(task);
            default -> { }
        }
    }

    private void created(DelegateTask task) {
        long certificationId = certificationId(task);
        TaskStep step = steps.get(task.getTaskDefinitionKey());
        journal.taskCreated(certificationId, task.getTaskDefinitionKey(), step.phase());
        step.formVariables(task, certificationId).forEach((name, value) -> task.setVariableLocal(name, asFormValue(value)));
        Set<String> groups = new HashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        events.publishEvent(new TaskOpened(task.getId(), task.getTaskDefinitionKey(), task.getName(), certificationId,
                groups, task.getAssignee(), task.getDueDate() == null ? null : task.getDueDate().toInstant()));
    }

    private void completed(DelegateTask task) {
        Map<String, Object> direct = DirectSubmission.of(task.getId()).orElse(null);
        if (direct == null) {
            // Our API has made the same checks in this transaction (Inbox); every other way in gets them here.
            mayComplete(task);
        }
        FormSchema schema = forms.get(formId);
        Map<String, Object> raw = new HashMap<>();
        for (String key : schema.keys()) {
            raw.put(key, direct != null ? direct.get(key) : plain(task.getVariable(key)));
        }
        List<FieldError> errors = new ArrayList<>();
        FormValues values = FormValidator.validate(schema, raw, errors);
        TaskStep step = steps.get(task.getTaskDefinitionKey());
        TaskSubmission submission = new TaskSubmission(
                task.getId(), task.getTaskDefinitionKey(), certificationId(task), EngineAccess.currentActor(), values);
        step.validate(submission, errors);
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        StepOutcome outcome = step.complete(submission);
        journal.taskCompleted(submission, outcome);
        if (direct == null) {
            // Submitted as variables (Tasklist, /engine-rest): the records are in our tables now,
            // and the engine keeps only what it routes on.
            for (String key : schema.keys()) {
                task.removeVariable(key);
            }
        }
        outcome.processVariables().forEach(task::setVariable);
    }

    /**
     * The engine lets anyone with the task's candidate group in the organisation complete it, and
     * an administrator anything. Whoever completes a task, by whatever way, must hold its group
     * (so the administrator, who is technical, takes no business decision), and a consultant's or
     * evaluator's task is for the one the certification assigns. The engine's own jobs, which run
     * for nobody, pass.
     */
    private void mayComplete(DelegateTask task) {
        EngineAccess.Authenticated who = EngineAccess.authenticated();
        if (who == null) {
            return;
        }
        Set<String> groups = new HashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        if (Collections.disjoint(groups, who.groupIds())) {
            throw new AuthorizationException("Questa attività spetta a / This task belongs to: " + String.join(", ", groups));
        }
        if (Roles.PROFESSIONAL_ROLES.containsAll(groups)
                && !journal.assignment(certificationId(task)).lets(who.userId(), who.groupIds(), groups)) {
            throw new AuthorizationException(
                    "Attività riservata al professionista assegnato / Only the assigned professional may do this");
        }
    }

    /** From our table: reading the process variable would load every variable of the instance. */
    private long certificationId(DelegateTask task) {
        return journal.certificationOf(task.getProcessInstanceId()).orElseThrow(
                () -> new IllegalStateException("Task " + task.getId() + " belongs to no certification"));
    }

    /** Forms submit dynamic lists as Spin JSON; our checks read plain lists and maps. */
    private Object plain(Object value) {
        if (value instanceof SpinJsonNode node) {
            try {
                return json.readValue(node.toString(), Object.class);
            } catch (JsonProcessingException e) {
                return node.toString();
            }
        }
        return value;
    }

    /** Lists and maps reach form-js as JSON, which is what its {@code valuesKey} selects read. */
    private Object asFormValue(Object value) {
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            try {
                return SpinValues.jsonValue(json.writeValueAsString(value)).create();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return value;
    }
}
