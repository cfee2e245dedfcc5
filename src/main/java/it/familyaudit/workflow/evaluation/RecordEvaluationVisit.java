package it.familyaudit.workflow.evaluation;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.CertificationStep;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.FormValues;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The evaluator records the visit and delivers the evaluation report; its completion records the report and its
 * outcome (positive, integration requested or negative) in the audit trail.
 */
@Component
final class RecordEvaluationVisit extends CertificationStep {

    private final EvaluationReportRepository reports;
    private final AuditTrail audit;

    RecordEvaluationVisit(EvaluationReportRepository reports, AuditTrail audit) {
        super(CertificationProcess.RECORD_EVALUATION_VISIT, Phase.EVALUATION);
        this.reports = reports;
        this.audit = audit;
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        FormValues v = s.values();
        LocalDate visit = v.date("visitDate");
        if (visit != null && visit.isAfter(EngineTime.today())) {
            errors.add(new FieldError("visitDate", "La data non può essere nel futuro"));
        }
        if ("integration".equals(v.text("evaluationOutcome")) && !v.has("integrationRequests")) {
            errors.add(new FieldError("integrationRequests", "Indicare le integrazioni richieste"));
        }
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        String outcome = s.values().text("evaluationOutcome");
        reports.add(s.certificationId(), s.values(), s.actor());
        audit.record(s.actor(), AuditAction.REPORT_SUBMITTED, s.certificationId(), null, "rapporto di valutazione",
                "esito " + outcome);
        return StepOutcome.decided(CertificationProcess.EVALUATION_OUTCOME, outcome,
                "Rapporto di valutazione consegnato, esito " + EvaluationOutcome.of(outcome).italian());
    }
}
