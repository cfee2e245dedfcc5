package it.familyaudit.workflow.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine's secure defaults that need code rather than a property: no scripts, in the models
 * or at run time; a password policy that Camunda checks wherever a password is set.
 */
@Component
class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

    private final DescribedPasswordPolicy passwords;

    EngineSecurityPlugin(DescribedPasswordPolicy passwords) {
        this.passwords = passwords;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new ScriptFreeModels());
        configuration.setCustomPreBPMNParseListeners(listeners);
        // Whatever reaches the engine (a DMN table in JavaScript, a CMMN listener, a model deployed
        // before this check existed) finds no script engine. A process application's own engine
        // lookup would bypass the resolver, so it is off too.
        configuration.setScriptEngineResolver(new NoScriptEngines());
        configuration.setEnableFetchScriptEngineFromProcessApplication(false);
        configuration.setEnableScriptEngineLoadExternalResources(false);
        configuration.setConfigureScriptEngineHostAccess(false);

        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(passwords);
        configuration.setCustomPreCommandInterceptorsTxRequired(
                append(configuration.getCustomPreCommandInterceptorsTxRequired(), new PasswordPolicyErrors(passwords.description())));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                append(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new PasswordPolicyErrors(passwords.description())));
    }

    private static List<CommandInterceptor> append(List<CommandInterceptor> existing, CommandInterceptor last) {
        List<CommandInterceptor> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        all.add(last);
        return all;
    }
}
