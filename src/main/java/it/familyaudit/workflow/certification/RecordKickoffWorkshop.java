package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.certification.StepChecks.notInFuture;

import it.familyaudit.workflow.FamilyAuditProperties;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The consultant records the kick-off workshop; its completion records the minutes and starts the six-month clock
 * of the evaluation period (its warning and its deadline).
 */
@Component
final class RecordKickoffWorkshop extends CertificationStep {

    private final CertificationRepository certifications;
    private final KickoffWorkshopRepository minutes;
    private final FamilyAuditProperties properties;

    RecordKickoffWorkshop(CertificationRepository certifications, KickoffWorkshopRepository minutes,
                          FamilyAuditProperties properties) {
        super(CertificationProcess.RECORD_KICKOFF_WORKSHOP, Phase.KICKOFF);
        this.certifications = certifications;
        this.minutes = minutes;
        this.properties = properties;
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        notInFuture(s.values().date("workshopDate"), "workshopDate", errors);
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        LocalDate date = s.values().date("workshopDate");
        LocalDate warning = date.plus(properties.evaluationWarning());
        LocalDate deadline = date.plus(properties.evaluationPeriod());
        minutes.recordWorkshop(s.certificationId(), s.values(), s.actor());
        certifications.recordKickoff(s.certificationId(), date, deadline);
        return new StepOutcome(null, "Workshop di avvio del " + date + ": il rapporto di valutazione è atteso entro il "
                + deadline, Map.of(
                        CertificationProcess.EVALUATION_WARNING_AT, EngineTime.startOf(warning),
                        CertificationProcess.EVALUATION_DEADLINE_AT, EngineTime.startOf(deadline)));
    }
}
