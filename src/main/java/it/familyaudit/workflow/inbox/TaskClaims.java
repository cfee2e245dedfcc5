package it.familyaudit.workflow.inbox;

import it.familyaudit.workflow.engine.CheckedEngineCalls;
import it.familyaudit.workflow.engine.OpenTasks.OpenTask;
import it.familyaudit.workflow.inbox.InboxRefusals.TaskInAnotherUsersCharge;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking a task shared by a group in charge, and giving it back: the group sees who is on it, so
 * two people do not fill in the same form. It is a signal, not a lock: Camunda lets any member of
 * the group complete the task, and so do we. Who may do either is decided as for the task itself.
 */
@Service
public class TaskClaims {

    private final TaskAccess access;
    private final CurrentUsers users;
    private final CheckedEngineCalls engine;

    TaskClaims(TaskAccess access, CurrentUsers users, CheckedEngineCalls engine) {
        this.access = access;
        this.users = users;
        this.engine = engine;
    }

    /** Makes the user the task's assignee; taking again a task already in one's charge changes nothing. */
    @Transactional
    public void claim(CurrentUser user, String taskId) {
        OpenTask task = access.accessible(user, taskId);
        if (user.id().equals(task.assignee())) {
            return;
        }
        if (task.assignee() != null) {
            throw new TaskInAnotherUsersCharge();
        }
        assign(user, task, user.id());
    }

    /** Gives the task back to its group; only the one who has it may, and a task in nobody's charge stays so. */
    @Transactional
    public void release(CurrentUser user, String taskId) {
        OpenTask task = access.accessible(user, taskId);
        if (task.assignee() == null) {
            return;
        }
        if (!user.id().equals(task.assignee())) {
            throw new TaskInAnotherUsersCharge();
        }
        assign(user, task, null);
    }

    private void assign(CurrentUser user, OpenTask task, String assignee) {
        try {
            // As the user, so that the engine's history records who took or released it.
            users.asUser(user, task.tenantId(), () -> {
                engine.claimTask(task.id(), assignee);
                return null;
            });
        } catch (TaskAlreadyClaimedException someoneWasFaster) {
            throw new TaskInAnotherUsersCharge();
        }
    }
}
