package it.familyaudit.workflow.inbox;

import it.familyaudit.workflow.certification.CertificationRef;
import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.engine.OpenTasks;
import it.familyaudit.workflow.engine.OpenTasks.OpenTask;
import it.familyaudit.workflow.inbox.InboxRefusals.TaskAlreadyCompleted;
import it.familyaudit.workflow.inbox.InboxRefusals.TaskNotFound;
import it.familyaudit.workflow.inbox.InboxRefusals.TaskOfAnotherProfessional;
import it.familyaudit.workflow.inbox.InboxRefusals.TaskOfOtherRoles;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.Roles;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Whether a user may work on one task: the same answer for showing it, completing it and taking
 * it in charge, whichever page or call asks.
 */
@Component
class TaskAccess {

    private final OpenTasks openTasks;
    private final HistoryService history;
    private final CertificationService certifications;

    TaskAccess(OpenTasks openTasks, HistoryService history, CertificationService certifications) {
        this.openTasks = openTasks;
        this.history = history;
        this.certifications = certifications;
    }

    /** The task, if this user may work on it: 404 outside their organisations, 403 outside their role. */
    OpenTask accessible(CurrentUser user, String taskId) {
        OpenTask task = openTasks.byId(taskId).orElse(null);
        if (task == null) {
            HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
            if (done != null && done.getEndTime() != null && user.mayActIn(done.getTenantId())) {
                throw new TaskAlreadyCompleted();
            }
            throw new TaskNotFound();
        }
        if (!user.mayActIn(task.tenantId())) {
            throw new TaskNotFound();
        }
        List<String> groups = task.candidateGroups();
        if (Collections.disjoint(groups, user.groups())) {
            throw new TaskOfOtherRoles(groups);
        }
        // A consultant's or evaluator's task is for the one assigned to this certification only.
        if (groups.stream().allMatch(Roles.PROFESSIONAL_ROLES::contains)) {
            CertificationRef ref = certifications.ofProcessInstances(List.of(task.processInstanceId()))
                    .get(task.processInstanceId());
            if (ref == null || !ref.assignment().lets(user.id(), user.groups(), groups)) {
                throw new TaskOfAnotherProfessional();
            }
        }
        return task;
    }
}
