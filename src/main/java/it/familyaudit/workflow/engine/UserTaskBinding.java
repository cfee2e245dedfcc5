package it.familyaudit.workflow.engine;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What every user task of every deployed model gets from the application: implemented by the
 * task machinery (a Spring bean), asked once per user task as the engine parses a model.
 */
public interface UserTaskBinding {

    /**
     * @param taskKey the user task's BPMN id
     * @param formRef its Camunda Form reference, {@code null} if it has none
     * @return the listener the task gets on its create and complete events, so that no task can be
     *         completed around it
     * @throws RuntimeException to refuse the model (a task without a known form), failing its deployment
     */
    TaskListener bind(String taskKey, String formRef);
}
