package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.organization.OrganizationRepository;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.List;

/**
 * Consultant and evaluator: the agency assigns both, or management chooses the consultant and
 * the agency the evaluator. The same person is never both (checked here and by the table).
 */
abstract class ProfessionalStep extends CertificationStep {

    static final String CONSULTANT_ID = "consultantId";
    static final String EVALUATOR_ID = "evaluatorId";
    static final String SAME_PERSON = "Consulente e valutatore devono essere persone diverse";

    final CertificationRepository certifications;
    private final OrganizationRepository organizations;

    ProfessionalStep(String taskKey, CertificationRepository certifications, OrganizationRepository organizations) {
        super(taskKey, Phase.ASSIGNMENT);
        this.certifications = certifications;
        this.organizations = organizations;
    }

    static void checkMember(String user, String group, String field, List<FieldError> errors) {
        if (user != null && !Professionals.isMember(user, group)) {
            errors.add(new FieldError(field, "Non è un " + Roles.italianName(group).toLowerCase() + " accreditato"));
        }
    }

    void assignConsultant(TaskSubmission s, String consultant) {
        certifications.assignConsultant(s.certificationId(), consultant);
        Professionals.grantAccess(organizationCode(s), consultant);
    }

    void assignEvaluator(TaskSubmission s, String evaluator) {
        certifications.assignEvaluator(s.certificationId(), evaluator);
        Professionals.grantAccess(organizationCode(s), evaluator);
    }

    private String organizationCode(TaskSubmission s) {
        long org = certifications.get(s.certificationId()).organizationId();
        return organizations.findById(org).orElseThrow().code();
    }
}
