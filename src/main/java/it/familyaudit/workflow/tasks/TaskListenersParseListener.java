package it.familyaudit.workflow.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every user task of every deployed model our {@link FormTaskListener}, so no task can be
 * completed around our checks. A user task without a Camunda Form reference fails the deployment.
 */
public final class TaskListenersParseListener extends AbstractBpmnParseListener {

    private final FormRegistry forms;
    private final TaskSteps steps;
    private final CertificationJournal journal;
    private final ObjectMapper json;

    public TaskListenersParseListener(FormRegistry forms, TaskSteps steps, CertificationJournal journal, ObjectMapper json) {
        this.forms = forms;
        this.steps = steps;
        this.journal = journal;
        this.json = json;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
        String id = activity.getId();
        if (formRef == null || forms.find(formRef).isEmpty()) {
            throw new IllegalStateException("User task " + id + " refers to no known form: " + formRef);
        }
        steps.get(id); // fail the deployment now, not when the first task is completed
        forms.bindTask(id, formRef);
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        FormTaskListener listener = new FormTaskListener(formRef, forms, steps, journal, json);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
    }
}
