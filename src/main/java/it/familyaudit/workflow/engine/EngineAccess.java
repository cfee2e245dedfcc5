package it.familyaudit.workflow.engine;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Lets our own code, already checked by our own rules, call the engine from inside a command
 * (a listener or delegate) without the caller's Camunda authorizations: a referent starting a
 * certification must not need the right to read tenants, for example.
 */
public final class EngineAccess {

    private EngineAccess() {
    }

    public static <T> T asSystem(Supplier<T> work) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return work.get();
        }
        boolean authorization = context.isAuthorizationCheckEnabled();
        boolean tenant = context.isTenantCheckEnabled();
        context.disableAuthorizationCheck();
        context.disableTenantCheck();
        try {
            return work.get();
        } finally {
            if (authorization) {
                context.enableAuthorizationCheck();
            }
            if (tenant) {
                context.enableTenantCheck();
            }
        }
    }

    public static void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }

    /** Who a command runs for, as the engine authenticated them. */
    public record Authenticated(String userId, List<String> groupIds) {
    }

    /** Who the current command runs for; {@code null} for the engine's own jobs, which run for nobody. */
    public static Authenticated authenticated() {
        CommandContext context = Context.getCommandContext();
        Authentication who = context == null ? null : context.getAuthentication();
        if (who == null || who.getUserId() == null) {
            return null;
        }
        return new Authenticated(who.getUserId(), who.getGroupIds() == null ? List.of() : List.copyOf(who.getGroupIds()));
    }

    /** The key of the model an execution runs. */
    public static String processKeyOf(DelegateExecution execution) {
        return ((ExecutionEntity) execution).getProcessDefinition().getKey();
    }

    /** The engine's identity service, for code running inside a command (listeners, delegates). */
    public static IdentityService identityService() {
        return Context.getProcessEngineConfiguration().getIdentityService();
    }

    /** The user on whose behalf the current command runs, or {@code system} for jobs. */
    public static String currentActor() {
        CommandContext context = Context.getCommandContext();
        String user = context == null ? null : context.getAuthenticatedUserId();
        return user == null ? "system" : user;
    }
}
