package it.familyaudit.workflow.engine;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Gives every user task of every deployed model the listener the {@link UserTaskBinding} makes for it. */
final class TaskListenersParseListener extends AbstractBpmnParseListener {

    private final UserTaskBinding binding;

    TaskListenersParseListener(UserTaskBinding binding) {
        this.binding = binding;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
        TaskListener listener = binding.bind(activity.getId(), formRef);
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
    }
}
