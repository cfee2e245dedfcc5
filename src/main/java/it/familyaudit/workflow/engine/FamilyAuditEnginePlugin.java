package it.familyaudit.workflow.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.tasks.CertificationJournal;
import it.familyaudit.workflow.tasks.FormRegistry;
import it.familyaudit.workflow.tasks.TaskListenersParseListener;
import it.familyaudit.workflow.tasks.TaskSteps;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Our settings of the engine: tenants per organisation, our checks on every user task, and their
 * field errors reported as such.
 */
@Component
class FamilyAuditEnginePlugin extends AbstractProcessEnginePlugin {

    private final FormRegistry forms;
    private final TaskSteps steps;
    private final CertificationJournal journal;
    private final ObjectMapper json;

    FamilyAuditEnginePlugin(FormRegistry forms, TaskSteps steps, CertificationJournal journal, ObjectMapper json) {
        this.forms = forms;
        this.steps = steps;
        this.journal = journal;
        this.json = json;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new OrganizationTenantIdProvider());
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new TaskListenersParseListener(forms, steps, journal, json));
        configuration.setCustomPostBPMNParseListeners(listeners);
        configuration.setCustomPreCommandInterceptorsTxRequired(
                prepend(configuration.getCustomPreCommandInterceptorsTxRequired(), new ValidationErrorInterceptor()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                prepend(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new ValidationErrorInterceptor()));
    }

    private static List<CommandInterceptor> prepend(List<CommandInterceptor> existing, CommandInterceptor first) {
        List<CommandInterceptor> all = new ArrayList<>();
        all.add(first);
        if (existing != null) {
            all.addAll(existing);
        }
        return all;
    }
}
