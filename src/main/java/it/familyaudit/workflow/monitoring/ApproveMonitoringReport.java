package it.familyaudit.workflow.monitoring;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
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
 * Management approves the year's monitoring report or sends it back to the referent; its completion records the
 * review (with the changes requested) and, when approved, the approval in the audit trail.
 */
@Component
final class ApproveMonitoringReport extends RoundStep {

    private final AuditTrail audit;

    ApproveMonitoringReport(MonitoringRepository rounds, AuditTrail audit) {
        super(MonitoringProcess.APPROVE_REPORT, Phase.MONITORING_APPROVAL, rounds);
        this.audit = audit;
    }

    @Override
    public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        return header(round(task));
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        FormValues v = s.values();
        if ("changes".equals(v.text(MonitoringProcess.REPORT_DECISION)) && !v.has("requestedChanges")) {
            errors.add(new FieldError("requestedChanges", "Indicare le modifiche richieste"));
        }
        if (s.actor().equals(round(s).compiledBy())) {
            errors.add(new FieldError(MonitoringProcess.REPORT_DECISION,
                    "Chi ha compilato il rapporto non può approvarlo"));
        }
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        MonitoringRound round = round(s);
        String decision = s.values().text(MonitoringProcess.REPORT_DECISION);
        boolean approved = "approve".equals(decision);
        String note = s.values().text("requestedChanges");
        rounds.review(round.id(), approved, note, s.actor());
        if (approved) {
            audit.record(s.actor(), AuditAction.REPORT_APPROVED, s.certificationId(), null,
                    "rapporto di monitoraggio anno " + round.roundNo(), "approvato");
        }
        return StepOutcome.decided(MonitoringProcess.REPORT_DECISION, decision, approved
                ? "Rapporto di monitoraggio dell'anno " + round.roundNo() + " approvato"
                : "Rapporto di monitoraggio dell'anno " + round.roundNo() + " rimandato al referente: " + note);
    }
}
