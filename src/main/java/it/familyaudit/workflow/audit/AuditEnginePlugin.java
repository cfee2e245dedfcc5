package it.familyaudit.workflow.audit;

import it.familyaudit.workflow.security.KnownMemberships;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/** Puts {@link AuditedIdentityProvider} in place of Camunda's database identity provider. */
@Component
class AuditEnginePlugin extends AbstractProcessEnginePlugin {

    private final AuditTrail audit;
    private final KnownMemberships memberships;

    AuditEnginePlugin(AuditTrail audit, KnownMemberships memberships) {
        this.audit = audit;
        this.memberships = memberships;
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
                return new AuditedIdentityProvider(audit, memberships);
            }
        });
    }
}
