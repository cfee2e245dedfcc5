package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.certification.StepChecks.notInFuture;

import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The council decides on the certification; its completion records the decision (grant, integration of the plan or
 * denial) and its motivation.
 */
@Component
final class DecideCertification extends CertificationStep {

    private final KickoffWorkshopRepository records;

    DecideCertification(KickoffWorkshopRepository records) {
        super(CertificationProcess.DECIDE_CERTIFICATION, Phase.COUNCIL_DECISION);
        this.records = records;
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        notInFuture(s.values().date("decisionDate"), "decisionDate", errors);
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        String decision = s.values().text("councilDecision");
        records.recordCouncilDecision(s.certificationId(), s.values(), s.actor());
        String what = switch (decision) {
            case "grant" -> "concede il certificato Family Audit";
            case "integration" -> "chiede integrazioni al piano";
            default -> "nega il certificato";
        };
        return StepOutcome.decided(CertificationProcess.COUNCIL_DECISION, decision,
                "Il Consiglio dell'Audit " + what + ": " + s.values().text("motivation"));
    }
}
