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

/**
 * The agency assigns both professionals; its completion records the consultant and the evaluator and lets them
 * see the organisation.
 */
@Component
final class AssignProfessionals extends ProfessionalStep {

    AssignProfessionals(CertificationRepository certifications, OrganizationRepository organizations,
            ObjectProvider<EngineMemberships> memberships) {
        super(CertificationProcess.ASSIGN_PROFESSIONALS, certifications, organizations, memberships);
    }

    @Override
    public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        return Map.of("consultantOptions", options(Roles.CONSULTANT, null),
                "evaluatorOptions", options(Roles.EVALUATOR, null));
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        String consultant = s.values().text(CONSULTANT_ID);
        String evaluator = s.values().text(EVALUATOR_ID);
        checkMember(consultant, Roles.CONSULTANT, CONSULTANT_ID, errors);
        checkMember(evaluator, Roles.EVALUATOR, EVALUATOR_ID, errors);
        if (consultant != null && consultant.equals(evaluator)) {
            errors.add(new FieldError(EVALUATOR_ID, SAME_PERSON));
        }
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        String consultant = s.values().text(CONSULTANT_ID);
        String evaluator = s.values().text(EVALUATOR_ID);
        assignConsultant(s, consultant);
        assignEvaluator(s, evaluator);
        return StepOutcome.recorded("Assegnati il consulente " + consultant + " e il valutatore " + evaluator);
    }
}
