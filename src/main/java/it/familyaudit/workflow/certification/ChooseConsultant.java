package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.EngineMemberships;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.organization.OrganizationRepository;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Management chooses the consultant; its completion records the consultant and lets them see the organisation. */
@Component
final class ChooseConsultant extends ProfessionalStep {

    ChooseConsultant(CertificationRepository certifications, OrganizationRepository organizations,
            ObjectProvider<EngineMemberships> memberships) {
        super(CertificationProcess.CHOOSE_CONSULTANT, certifications, organizations, memberships);
    }

    @Override
    public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        return Map.of("consultantOptions", options(Roles.CONSULTANT, null));
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        checkMember(s.values().text(CONSULTANT_ID), Roles.CONSULTANT, CONSULTANT_ID, errors);
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        String consultant = s.values().text(CONSULTANT_ID);
        assignConsultant(s, consultant);
        return StepOutcome.recorded("L'organizzazione ha scelto il consulente " + consultant);
    }
}
