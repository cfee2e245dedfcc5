package it.familyaudit.workflow.engine;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Engine calls of our API for a caller whom our own rules have just checked, in the same
 * transaction: organisation, role and, for consultants and evaluators, assignment to the
 * certification. Those are stricter than the engine's authorizations, whose checks are some of
 * the engine's costliest statements (task work builds one of its largest dynamic queries; starting
 * a process reads the group of every authorization there is, one per open task), so those checks
 * are skipped here. The engine's tenant check still applies, and the history still records the
 * authenticated user; Tasklist and {@code /engine-rest} keep every check.
 */
@Component
public class CheckedEngineCalls {

    private final CommandExecutor commands;

    CheckedEngineCalls(ProcessEngineConfigurationImpl configuration) {
        this.commands = configuration.getCommandExecutorTxRequired();
    }

    public void completeTask(String taskId) {
        withoutAuthorizationChecks(() -> new SubmitTaskFormCmd(taskId, Map.of(), false, false)
                .execute(Context.getCommandContext()));
    }

    /**
     * Makes the user the task's assignee, as Tasklist's "Claim" does; {@code null} releases it.
     * A task another user has claimed meanwhile is Camunda's {@code TaskAlreadyClaimedException}.
     */
    public void claimTask(String taskId, String userId) {
        withoutAuthorizationChecks(() -> new ClaimTaskCmd(taskId, userId).execute(Context.getCommandContext()));
    }

    /** Runs {@code work}'s engine calls in one command without the engine's authorization checks. */
    public <T> T withoutAuthorizationChecks(Supplier<T> work) {
        return commands.execute(context -> {
            context.disableAuthorizationCheck();
            return work.get();
        });
    }
}
