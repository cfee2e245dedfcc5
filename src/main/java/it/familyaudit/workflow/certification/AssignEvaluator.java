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

/** The agency assigns the evaluator; its completion records the evaluator and lets them see the organisation. */
@Component
final class AssignEvaluator extends ProfessionalStep {

    AssignEvaluator(CertificationRepository certifications, OrganizationRepository organizations,
            ObjectProvider<EngineMemberships> memberships) {
        super(CertificationProcess.ASSIGN_EVALUATOR, certifications, organizations, memberships);
    }

    @Override
    public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        String consultant = certifications.get(certificationId).consultantUserId();
        return Map.of("evaluatorOptions", options(Roles.EVALUATOR, consultant));
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        String evaluator = s.values().text(EVALUATOR_ID);
        checkMember(evaluator, Roles.EVALUATOR, EVALUATOR_ID, errors);
        if (evaluator != null && evaluator.equals(certifications.get(s.certificationId()).consultantUserId())) {
            errors.add(new FieldError(EVALUATOR_ID, SAME_PERSON));
        }
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        String evaluator = s.values().text(EVALUATOR_ID);
        assignEvaluator(s, evaluator);
        return StepOutcome.recorded("Assegnato il valutatore " + evaluator);
    }
}
