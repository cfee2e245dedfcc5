package it.familyaudit.workflow.monitoring;

import static it.familyaudit.workflow.monitoring.MonitoringForms.notInFuture;

import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.FormValues;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The evaluator audits the year's monitoring report; its completion records the audit's date, findings and remarks,
 * and the recommendation to the council.
 */
@Component
final class AuditMonitoringReport extends RoundStep {

    AuditMonitoringReport(MonitoringRepository rounds) {
        super(MonitoringProcess.AUDIT_REPORT, Phase.MONITORING_AUDIT, rounds);
    }

    @Override
    public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        return header(round(task));
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        notInFuture(s.values().date("auditDate"), "auditDate", errors);
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        MonitoringRound round = round(s);
        FormValues v = s.values();
        String recommendation = v.text("auditRecommendation");
        rounds.audit(round.id(), v.date("auditDate"), v.text("findings"), recommendation, v.text("remarks"),
                s.actor());
        return new StepOutcome(recommendation, "Verifica del valutatore sull'anno " + round.roundNo()
                + ": raccomanda di " + Recommendation.italian(recommendation), Map.of());
    }
}
