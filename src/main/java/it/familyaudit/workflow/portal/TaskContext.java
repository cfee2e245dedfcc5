package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.evaluation.EvaluationReport;
import it.familyaudit.workflow.evaluation.EvaluationReports;
import it.familyaudit.workflow.monitoring.MonitoringProcess;
import it.familyaudit.workflow.monitoring.MonitoringReadings;
import it.familyaudit.workflow.monitoring.MonitoringView;
import it.familyaudit.workflow.plan.PlanService;
import it.familyaudit.workflow.plan.PlanView;
import it.familyaudit.workflow.refusal.Refusal;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.People;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What a task is decided on, shown beside its form: the council sees the evaluator's report and the
 * plan version it decides on; management the version it approves and what changed; the evaluator the
 * plan and the questionnaire's main needs; the yearly steps last year's figures. Each part is read
 * through its feature's service with the reader's rights: a part the reader may not see is left out,
 * never an error on the task's page.
 */
@Component
class TaskContext {

    /**
     * @param plan       the latest plan version (the one under decision while a decision is open)
     * @param evaluation the evaluator's latest report
     * @param needs      the questionnaire's main needs
     * @param lastYear   the latest monitoring year that was decided
     */
    record Parts(PlanView.Version plan, CertificationPage.Evaluation evaluation, List<QuestionnaireSection.Need> needs,
                 MonitoringView.Round lastYear) {

        public boolean isEmpty() {
            return plan == null && evaluation == null && needs == null && lastYear == null;
        }
    }

    private static final Set<String> PLAN = Set.of(CertificationProcess.DECIDE_CERTIFICATION,
            CertificationProcess.APPROVE_PLAN, CertificationProcess.RECORD_EVALUATION_VISIT,
            CertificationProcess.DRAFT_PLAN);
    private static final Set<String> EVALUATION = Set.of(CertificationProcess.DECIDE_CERTIFICATION,
            CertificationProcess.DRAFT_PLAN);
    private static final Set<String> NEEDS = Set.of(CertificationProcess.RECORD_EVALUATION_VISIT,
            CertificationProcess.DRAFT_PLAN);
    private static final Set<String> YEARS = Set.of(MonitoringProcess.COMPILE_REPORT, MonitoringProcess.APPROVE_REPORT,
            MonitoringProcess.AUDIT_REPORT, MonitoringProcess.DECIDE, CertificationProcess.RECOGNISE_PLAN_CARRIED_OUT);
    private static final Set<String> DECIDED = Set.of("CONFIRMED", "REVOKED", "CORRECTIVE");

    private final PlanService plans;
    private final EvaluationReports evaluations;
    private final QuestionnaireSection questionnaire;
    private final MonitoringReadings monitoring;
    private final People people;

    TaskContext(PlanService plans, EvaluationReports evaluations, QuestionnaireSection questionnaire,
                MonitoringReadings monitoring, People people) {
        this.plans = plans;
        this.evaluations = evaluations;
        this.questionnaire = questionnaire;
        this.monitoring = monitoring;
        this.people = people;
    }

    Parts of(CurrentUser user, String taskKey, Long certificationId, Locale locale) {
        if (certificationId == null || taskKey == null) {
            return new Parts(null, null, null, null);
        }
        long id = certificationId;
        PlanView.Version plan = PLAN.contains(taskKey) ? readable(() -> plans.versions(user, id).stream()
                .max(Comparator.comparingInt(PlanView.Version::versionNo)).orElse(null)) : null;
        CertificationPage.Evaluation evaluation = EVALUATION.contains(taskKey) ? readable(() -> latest(user, id)) : null;
        List<QuestionnaireSection.Need> needs = NEEDS.contains(taskKey)
                ? questionnaire.needs(user, id, locale).orElse(null) : null;
        MonitoringView.Round lastYear = YEARS.contains(taskKey) ? readable(() -> monitoring.rounds(user, id).rounds()
                .stream().filter(r -> DECIDED.contains(r.status()))
                .max(Comparator.comparingInt(MonitoringView.Round::roundNo)).orElse(null)) : null;
        return new Parts(plan, evaluation, needs, lastYear);
    }

    private CertificationPage.Evaluation latest(CurrentUser user, long id) {
        List<EvaluationReport> reports = evaluations.of(user, id);
        if (reports.isEmpty()) {
            return null;
        }
        EvaluationReport last = reports.get(reports.size() - 1);
        return CertificationPage.Evaluation.of(last, people.namesOf(List.of(last.evaluator())));
    }

    /** A part the reader may not read (or that is not there yet) is simply not shown. */
    private static <T> T readable(Supplier<T> part) {
        try {
            return part.get();
        } catch (Refusal notForThisReader) {
            return null;
        }
    }
}
