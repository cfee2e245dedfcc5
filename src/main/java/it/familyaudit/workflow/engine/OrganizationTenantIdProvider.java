package it.familyaudit.workflow.engine;

import java.util.List;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * One Camunda tenant per organisation, with shared process definitions: a new certification
 * belongs to the organisation named in {@code organizationCode}, or else to the organisation of
 * the user who starts it (a referent starting it from Tasklist). A process called from another
 * (a yearly monitoring round) belongs to its caller's organisation.
 */
final class OrganizationTenantIdProvider implements TenantIdProvider {

    static final String ORGANIZATION_CODE = "organizationCode";

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (ctx.getSuperExecution() != null && ctx.getSuperExecution().getTenantId() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        Object code = ctx.getVariables() == null ? null : ctx.getVariables().get(ORGANIZATION_CODE);
        if (code instanceof String s && !s.isBlank()) {
            return s;
        }
        String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        if (user == null) {
            return null;
        }
        List<Tenant> tenants = EngineAccess.asSystem(() -> Context.getProcessEngineConfiguration().getIdentityService()
                .createTenantQuery().userMember(user).list());
        return tenants.size() == 1 ? tenants.get(0).getId() : null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
    }
}
