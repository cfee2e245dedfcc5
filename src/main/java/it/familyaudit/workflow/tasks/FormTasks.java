package it.familyaudit.workflow.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.engine.UserTaskBinding;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed model our {@link FormTaskListener}, so no task can be
 * completed around our checks. A user task without a known Camunda Form, or without a
 * {@link TaskStep}, fails the deployment: now, not when the first such task is completed.
 */
@Component
class FormTasks implements UserTaskBinding {

    private final FormRegistry forms;
    private final TaskSteps steps;
    private final CertificationJournal journal;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    FormTasks(FormRegistry forms, TaskSteps steps, CertificationJournal journal, ObjectMapper json,
              ApplicationEventPublisher events) {
        this.forms = forms;
        this.steps = steps;
        this.journal = journal;
        this.json = json;
        this.events = events;
    }

    @Override
    public TaskListener bind(String taskKey, String formRef) {
        if (formRef == null || forms.find(formRef).isEmpty()) {
            throw new IllegalStateException("User task " + taskKey + " refers to no known form: " + formRef);
        }
        steps.get(taskKey);
        forms.bindTask(taskKey, formRef);
        return new FormTaskListener(formRef, forms, steps, journal, json, events);
    }
}
