package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.certification.CertificationProcess.EMPLOYEES_INVOLVED;
import static it.familyaudit.workflow.certification.StepChecks.notInFuture;

import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.FormValues;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The referent submits the application; its completion records the scope, the internal act, the referent's
 * contacts and the employees involved.
 */
@Component
final class SubmitApplication extends CertificationStep {

    private final CertificationRepository certifications;

    SubmitApplication(CertificationRepository certifications) {
        super(CertificationProcess.SUBMIT_APPLICATION, Phase.APPLICATION);
        this.certifications = certifications;
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        FormValues v = s.values();
        if ("units".equals(v.text("scope")) && !v.has("scopeUnits")) {
            errors.add(new FieldError("scopeUnits", "Indicare le unità coinvolte"));
        }
        notInFuture(v.date("internalActDate"), "internalActDate", errors);
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        FormValues v = s.values();
        int employees = v.integer("employeesInvolved");
        certifications.recordApplication(s.certificationId(), v.text("scope"), v.text("scopeUnits"), employees,
                v.text("internalActNumber"), v.date("internalActDate"), s.actor(), v.text("referentName"),
                v.text("referentEmail"), v.text("referentPhone"));
        return new StepOutcome(null, "Domanda presentata: " + employees + " dipendenti coinvolti, atto n. "
                + v.text("internalActNumber") + " del " + v.date("internalActDate"),
                Map.of(EMPLOYEES_INVOLVED, employees));
    }
}
