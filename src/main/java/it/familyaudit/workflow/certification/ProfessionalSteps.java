package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.organization.OrganizationRepository;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskStep;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consultant and evaluator: the agency assigns both, or management chooses the consultant and
 * the agency the evaluator. The same person is never both (checked here and by the table).
 */
@Configuration(proxyBeanMethods = false)
class ProfessionalSteps {

    private static final String CONSULTANT_ID = "consultantId";
    private static final String EVALUATOR_ID = "evaluatorId";
    private static final String SAME_PERSON = "Consulente e valutatore devono essere persone diverse";

    @Bean
    TaskStep assignProfessionalsStep(CertificationRepository certifications, OrganizationRepository organizations) {
        return new Step(CertificationProcess.ASSIGN_PROFESSIONALS, certifications, organizations) {
            @Override
            public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
                return Map.of("consultantOptions", Professionals.options(Roles.CONSULTANT, null),
                        "evaluatorOptions", Professionals.options(Roles.EVALUATOR, null));
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
        };
    }

    @Bean
    TaskStep chooseConsultantStep(CertificationRepository certifications, OrganizationRepository organizations) {
        return new Step(CertificationProcess.CHOOSE_CONSULTANT, certifications, organizations) {
            @Override
            public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
                return Map.of("consultantOptions", Professionals.options(Roles.CONSULTANT, null));
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
        };
    }

    @Bean
    TaskStep assignEvaluatorStep(CertificationRepository certifications, OrganizationRepository organizations) {
        return new Step(CertificationProcess.ASSIGN_EVALUATOR, certifications, organizations) {
            @Override
            public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
                String consultant = certifications.get(certificationId).consultantUserId();
                return Map.of("evaluatorOptions", Professionals.options(Roles.EVALUATOR, consultant));
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
        };
    }

    private abstract static class Step extends CertificationStep {
        private final CertificationRepository certifications;
        private final OrganizationRepository organizations;

        Step(String taskKey, CertificationRepository certifications, OrganizationRepository organizations) {
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
}
