package it.familyaudit.workflow.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Our settings of the engine: tenants per organisation, the application's listener on every user
 * task ({@link UserTaskBinding}), and field errors reported as such.
 */
@Component
class FamilyAuditEnginePlugin extends AbstractProcessEnginePlugin {

    private final UserTaskBinding userTasks;

    FamilyAuditEnginePlugin(UserTaskBinding userTasks) {
        this.userTasks = userTasks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new OrganizationTenantIdProvider());
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new TaskListenersParseListener(userTasks));
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
