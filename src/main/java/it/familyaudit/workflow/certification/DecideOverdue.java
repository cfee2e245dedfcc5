package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The agency decides on a certification whose evaluation period ran out; its completion records the closure, or the
 * new deadline of the evaluation.
 */
@Component
final class DecideOverdue extends CertificationStep {

    private final CertificationRepository certifications;

    DecideOverdue(CertificationRepository certifications) {
        super(CertificationProcess.DECIDE_OVERDUE, null);
        this.certifications = certifications;
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        LocalDate newDeadline = s.values().date("newDeadline");
        if ("extend".equals(s.values().text("overdueDecision"))) {
            if (newDeadline == null) {
                errors.add(new FieldError("newDeadline", "Indicare la nuova scadenza"));
            } else if (!newDeadline.isAfter(EngineTime.today())) {
                errors.add(new FieldError("newDeadline", "La nuova scadenza deve essere nel futuro"));
            }
        }
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        String decision = s.values().text("overdueDecision");
        String reason = s.values().text("reason");
        if (!"extend".equals(decision)) {
            return StepOutcome.decided(CertificationProcess.OVERDUE_DECISION, decision,
                    "L'ente chiude la certificazione scaduta: " + reason);
        }
        LocalDate newDeadline = s.values().date("newDeadline");
        certifications.extendDeadline(s.certificationId(), newDeadline);
        return new StepOutcome(decision, "Scadenza prorogata al " + newDeadline + ": " + reason, Map.of(
                CertificationProcess.OVERDUE_DECISION, decision,
                CertificationProcess.EVALUATION_DEADLINE_AT, EngineTime.startOf(newDeadline)));
    }
}
