package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.CertificationView;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.monitoring.MonitoringProcess;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * An open task as a page lists it: who must act, by when, where it is done (its page in the
 * portal, or Tasklist for those who prefer it, signed in with the same session), and what to read
 * before doing it, one click away on the certification's page.
 *
 * @param key     the task's definition key, which names it in the reader's language ({@code task.key.*})
 * @param name    the model's own (Italian) name, for a task the messages do not know
 * @param roles   the roles it is for, as role ids ({@code role.*} messages)
 * @param mine    whether the reader holds one of those roles
 * @param href    the task's page in the portal
 * @param context what the task is decided on, as anchors of the certification's page
 */
record TaskLine(String id, String key, String name, List<String> roles, LocalDate due, boolean overdue, boolean mine,
                String href, List<Context> context) {

    /** A part of the certification's page: {@code label} is a message key, {@code anchor} the section's id. */
    record Context(String label, String anchor) {
    }

    private static final Context PLAN = new Context("task.context.plan", "piano");
    private static final Context EVALUATION = new Context("task.context.evaluation", "valutazione");
    private static final Context QUESTIONNAIRE = new Context("task.context.questionnaire", "questionario");
    private static final Context MONITORING = new Context("task.context.monitoring", "monitoraggio");
    private static final Context INDICATORS = new Context("task.context.indicators", "indicatori");

    static TaskLine of(CertificationView.OpenTask task, Collection<String> readerRoles) {
        // A task due at midnight (the questionnaire's, due when its closing day ends) is due that last day.
        LocalDate due = task.due() == null ? null : LocalDate.ofInstant(task.due().minusMillis(1), EngineTime.ZONE);
        return new TaskLine(task.id(), task.taskKey(), task.name(), task.candidateGroups(),
                due, due != null && due.isBefore(EngineTime.today()),
                !Collections.disjoint(task.candidateGroups(), readerRoles),
                TaskPage.pathOf(task.id()), contextOf(task.taskKey()));
    }

    /** The same task in Camunda Tasklist. */
    public String tasklistHref() {
        return tasklistHref(id);
    }

    static String tasklistHref(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    /** This line with only the context the page shows (a reader may not see every section). */
    TaskLine within(Set<String> sections) {
        return new TaskLine(id, key, name, roles, due, overdue, mine, href,
                context.stream().filter(c -> sections.contains(c.anchor())).toList());
    }

    /**
     * What each decision is taken on: the council decides on the evaluator's report and the plan,
     * the evaluator visits with the plan and the questionnaire's findings in hand, management
     * approves the plan, the yearly steps read the figures of the years before.
     */
    static List<Context> contextOf(String taskKey) {
        if (taskKey == null) {
            return List.of();
        }
        return switch (taskKey) {
            case CertificationProcess.DECIDE_CERTIFICATION -> List.of(EVALUATION, PLAN);
            case CertificationProcess.RECORD_EVALUATION_VISIT -> List.of(PLAN, QUESTIONNAIRE);
            case CertificationProcess.APPROVE_PLAN -> List.of(PLAN);
            case CertificationProcess.DRAFT_PLAN -> List.of(QUESTIONNAIRE, PLAN);
            case CertificationProcess.COLLECT_QUESTIONNAIRE_ANSWERS -> List.of(QUESTIONNAIRE);
            case CertificationProcess.RECOGNISE_PLAN_CARRIED_OUT -> List.of(MONITORING, INDICATORS);
            case MonitoringProcess.COMPILE_REPORT, MonitoringProcess.APPROVE_REPORT, MonitoringProcess.AUDIT_REPORT,
                 MonitoringProcess.DECIDE, MonitoringProcess.COMPLETE_CORRECTIVE_MEASURES,
                 MonitoringProcess.HANDLE_ESCALATION -> List.of(PLAN, MONITORING, INDICATORS);
            default -> List.of();
        };
    }
}
