package it.familyaudit.workflow.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.certification.CertificationRef;
import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.engine.CheckedEngineCalls;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.engine.OpenTasks;
import it.familyaudit.workflow.engine.OpenTasks.OpenTask;
import it.familyaudit.workflow.inbox.InboxRefusals.TaskAlreadyCompleted;
import it.familyaudit.workflow.inbox.InboxRefusals.TaskWithoutForm;
import it.familyaudit.workflow.refusal.PageOutOfRange;
import it.familyaudit.workflow.tasks.DirectSubmission;
import it.familyaudit.workflow.tasks.FormField;
import it.familyaudit.workflow.tasks.FormRegistry;
import it.familyaudit.workflow.tasks.FormSchema;
import it.familyaudit.workflow.tasks.FormValidator;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.tasks.TaskAlerts;
import it.familyaudit.workflow.tasks.TaskSteps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user's tasks: the list, one task with its form, and its completion. Who may see a task is
 * decided here (organisation, role, assignment) before the engine is asked; the engine then checks
 * its own authorizations, and the task listener re-validates the data inside the completion.
 */
@Service
public class Inbox {

    public static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_PROFESSIONAL_TASKS = 1000;

    private final TaskService tasks;
    private final TaskAccess access;
    private final RepositoryService repository;
    private final FormService formService;
    private final FormRegistry forms;
    private final TaskSteps steps;
    private final CertificationService certifications;
    private final OpenTasks openTasks;
    private final CurrentUsers users;
    private final CheckedEngineCalls engine;
    private final TaskAlerts alerts;
    private final ObjectMapper json;

    Inbox(TaskService tasks, TaskAccess access, RepositoryService repository, FormService formService,
          FormRegistry forms, TaskSteps steps, CertificationService certifications, OpenTasks openTasks, CurrentUsers users,
          CheckedEngineCalls engine, TaskAlerts alerts, ObjectMapper json) {
        this.alerts = alerts;
        this.tasks = tasks;
        this.access = access;
        this.repository = repository;
        this.formService = formService;
        this.forms = forms;
        this.steps = steps;
        this.certifications = certifications;
        this.openTasks = openTasks;
        this.users = users;
        this.engine = engine;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public TaskView.Page myTasks(CurrentUser user, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new PageOutOfRange("page >= 0 e 1 <= size <= " + MAX_PAGE_SIZE);
        }
        // A user without roles (e.g. a single sign-on user whose claims name none) has no tasks;
        // Camunda refuses an empty candidate-group list with an error.
        if (user.groups().isEmpty()) {
            return new TaskView.Page(List.of(), 0, page, size);
        }
        TaskQuery query = tasks.createTaskQuery().taskCandidateGroupIn(user.groupList()).includeAssignedTasks();
        if (!user.seesAllOrganisations()) {
            if (user.tenants().isEmpty()) {
                return new TaskView.Page(List.of(), 0, page, size);
            }
            query.tenantIdIn(user.tenantList().toArray(String[]::new));
        }
        query.orderByDueDate().asc().orderByTaskCreateTime().asc();
        if (!user.hasAny(Roles.ORGANISATION_ROLES) && !user.seesAllOrganisations()) {
            // A consultant or evaluator serves few organisations, and in each only the cycles that
            // assign them: their handful of tasks is filtered here, then paged.
            List<OpenTask> assigned = assignedOnly(user, withCandidateGroups(query.listPage(0, MAX_PROFESSIONAL_TASKS)));
            List<OpenTask> found = assigned.stream().skip((long) page * size).limit(size).toList();
            return new TaskView.Page(summaries(found), assigned.size(), page, size);
        }
        long total = query.count();
        List<OpenTask> found = withCandidateGroups(query.listPage(page * size, size));
        return new TaskView.Page(summaries(found), total, page, size);
    }

    private List<OpenTask> withCandidateGroups(List<Task> found) {
        Map<String, List<String>> groups = openTasks.candidateGroups(found.stream().map(Task::getId).toList());
        return found.stream().map(t -> OpenTask.of(t, groups.getOrDefault(t.getId(), List.of()))).toList();
    }

    private List<OpenTask> assignedOnly(CurrentUser user, List<OpenTask> candidates) {
        Map<String, CertificationRef> refs = certifications.ofProcessInstances(candidates.stream()
                .map(OpenTask::processInstanceId).filter(Objects::nonNull).distinct().toList());
        return candidates.stream().filter(t -> {
            CertificationRef ref = refs.get(t.processInstanceId());
            return ref != null && ref.assignment().lets(user.id(), user.groups(), t.candidateGroups());
        }).toList();
    }

    @Transactional(readOnly = true)
    public TaskView.Detail get(CurrentUser user, String taskId) {
        OpenTask task = access.accessible(user, taskId);
        FormSchema schema = form(task);
        VariableMap variables = formService.getTaskFormVariables(taskId);
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormField field : schema.fields()) {
            put(values, field.key(), variables);
            if (field.valuesKey() != null) {
                put(values, field.valuesKey(), variables);
            }
        }
        TaskView.Summary summary = summaries(List.of(task)).get(0);
        if (summary.certificationId() != null) {
            steps.find(task.taskKey()).ifPresent(step -> step.currentValues(summary.certificationId())
                    .forEach((key, value) -> {
                        if (schema.field(key).isPresent()) {
                            values.put(key, value);
                        }
                    }));
        }
        return new TaskView.Detail(summary, task.candidateGroups(), schema.json(), values);
    }

    /** One transaction: the checks, the completion with its records, and the answer see the same data. */
    @Transactional
    public TaskView.Completed complete(CurrentUser user, String taskId, Map<String, Object> submitted) {
        OpenTask task = access.accessible(user, taskId);
        if (!openTasks.lock(taskId)) {
            throw alreadyCompleted(); // completed by someone else while we were looking
        }
        FormSchema schema = form(task);
        List<FieldError> unknown = submitted.keySet().stream()
                .filter(key -> schema.field(key).isEmpty())
                .sorted()
                .map(key -> new FieldError(key, "Campo sconosciuto per questo modulo / Unknown field"))
                .toList();
        if (!unknown.isEmpty()) {
            // Report the form's own errors with them, so the user fixes everything at once.
            List<FieldError> errors = new ArrayList<>(unknown);
            FormValidator.validate(schema, submitted, errors);
            throw new FormValidationException(errors);
        }
        try {
            users.asUser(user, task.tenantId(), () -> DirectSubmission.completing(taskId, submitted, () -> {
                engine.completeTask(taskId);
                return null;
            }));
        } catch (ProcessEngineException e) {
            // Someone else may have completed it meanwhile. A failed statement, though, leaves a
            // PostgreSQL transaction unable to look: that failure is reported as it is.
            if (!(e instanceof FormValidationException) && !(e instanceof ProcessEnginePersistenceException)
                    && openTasks.byId(taskId).isEmpty()) {
                throw alreadyCompleted();
            }
            throw e;
        }
        List<OpenTask> next = openTasks.ofProcessInstance(task.processInstanceId()).stream()
                .filter(t -> !Collections.disjoint(t.candidateGroups(), user.groups()))
                .toList();
        // The completed task first, then what comes next: one lookup of their certification for all.
        List<TaskView.Summary> done = summaries(Stream.concat(Stream.of(task), next.stream()).toList());
        return new TaskView.Completed(taskId, done.get(0).certificationId(), done.subList(1, done.size()));
    }

    private static TaskAlreadyCompleted alreadyCompleted() {
        return new TaskAlreadyCompleted();
    }

    private List<TaskView.Summary> summaries(List<OpenTask> found) {
        // Standalone tasks (Tasklist can create them) belong to no process instance.
        var refs = certifications.ofProcessInstances(found.stream().map(OpenTask::processInstanceId)
                .filter(Objects::nonNull).distinct().toList());
        Map<String, String> alerted = alerts.strongest(found.stream().map(OpenTask::id).toList());
        List<TaskView.Summary> out = new ArrayList<>(found.size());
        for (OpenTask t : found) {
            CertificationRef ref = refs.get(t.processInstanceId());
            out.add(new TaskView.Summary(t.id(), t.taskKey(), t.name(),
                    ref == null ? null : ref.certificationId(), ref == null ? null : ref.organizationCode(),
                    ref == null ? null : ref.organizationName(), t.assignee(), t.created(), t.due(), formId(t),
                    alerted.get(t.id())));
        }
        return out;
    }

    /** The task's form; a task without one (created by hand in Tasklist) is not for our API: 409. */
    private FormSchema form(OpenTask task) {
        String formId = formId(task);
        if (formId == null) {
            throw new TaskWithoutForm();
        }
        return forms.get(formId);
    }

    private String formId(OpenTask task) {
        Optional<String> known = forms.formOfTask(task.taskKey());
        if (known.isEmpty() && task.processDefinitionId() != null) {
            // After a restart the engine parses a deployed model when it first needs it, and parsing
            // is what tells the registry the forms of its tasks: have it parsed now.
            repository.getProcessDefinition(task.processDefinitionId());
            known = forms.formOfTask(task.taskKey());
        }
        return known.orElse(null);
    }

    private void put(Map<String, Object> values, String key, VariableMap variables) {
        if (!variables.containsKey(key)) {
            return;
        }
        Object value = variables.get(key);
        if (value instanceof SpinJsonNode node) {
            try {
                value = json.readTree(node.toString());
            } catch (JsonProcessingException e) {
                value = node.toString();
            }
        } else if (value instanceof Date date) {
            value = date.toInstant();
        }
        values.put(key, value);
    }
}
