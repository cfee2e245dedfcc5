package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.EngineMemberships;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.organization.OrganizationRepository;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;

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
    /** Looked up when a form is drawn: the steps are part of the engine's making, and the memberships need the engine. */
    private final ObjectProvider<EngineMemberships> memberships;

    ProfessionalStep(String taskKey, CertificationRepository certifications, OrganizationRepository organizations,
            ObjectProvider<EngineMemberships> memberships) {
        super(taskKey, Phase.ASSIGNMENT);
        this.certifications = certifications;
        this.organizations = organizations;
        this.memberships = memberships;
    }

    /** The form's choices of {@code group} (consultants or evaluators) but {@code excluded}: [{label, value}], by surname. */
    List<Map<String, String>> options(String group, String excluded) {
        return memberships.getObject().membersOf(List.of(group)).stream()
                .filter(m -> !m.userId().equals(excluded))
                .sorted(Comparator.comparing((EngineMemberships.Member m) -> Objects.toString(m.lastName(), ""))
                        .thenComparing(EngineMemberships.Member::userId))
                .map(m -> Map.of("label", displayName(m), "value", m.userId()))
                .toList();
    }

    private static String displayName(EngineMemberships.Member m) {
        String name = (Objects.toString(m.firstName(), "") + " " + Objects.toString(m.lastName(), "")).strip();
        return name.isEmpty() ? m.userId() : name + " (" + m.userId() + ")";
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
