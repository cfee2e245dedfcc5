package it.familyaudit.workflow.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/** Puts {@link ObservedIdentityProvider} in place of Camunda's database identity provider. */
@Component
class IdentityProviderPlugin extends AbstractProcessEnginePlugin {

    private final List<IdentityChanges> listeners;

    IdentityProviderPlugin(List<IdentityChanges> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return WritableIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new ObservedIdentityProvider(listeners);
            }
        });
    }
}
