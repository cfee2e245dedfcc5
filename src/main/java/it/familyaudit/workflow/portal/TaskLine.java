package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.certification.CertificationView;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.security.Roles;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * An open task as a page lists it: who must act, by when, and where it is done (Tasklist, signed in
 * with the same session).
 *
 * @param mine whether the reader holds one of the roles the task is for
 */
record TaskLine(String id, String name, List<String> roles, LocalDate due, boolean overdue, boolean mine,
                String href) {

    static TaskLine of(CertificationView.OpenTask task, Collection<String> readerRoles) {
        LocalDate due = task.due() == null ? null : LocalDate.ofInstant(task.due(), EngineTime.ZONE);
        return new TaskLine(task.id(), task.name(), task.candidateGroups().stream().map(Roles::italianName).toList(),
                due, due != null && due.isBefore(EngineTime.today()),
                !Collections.disjoint(task.candidateGroups(), readerRoles),
                "/camunda/app/tasklist/default/#/?task=" + task.id());
    }
}
