package it.familyaudit.workflow.plan;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.CertificationStep;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.tasks.FieldError;
import it.familyaudit.workflow.tasks.FormValues;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskStep;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The working group drafts the plan; management approves and signs it, or sends it back. */
@Configuration(proxyBeanMethods = false)
class PlanSteps {

    @Bean
    TaskStep draftPlanStep(PlanRepository plans, AuditTrail audit) {
        return new CertificationStep(CertificationProcess.DRAFT_PLAN, Phase.PLAN_DRAFTING) {

            @Override
            public StepOutcome complete(TaskSubmission s) {
                FormValues v = s.values();
                plans.submit(s.certificationId(), v.text("planTitle"), v.text("planSummary"), v.integer("actionsCount"),
                        v.text("planText"), v.text("changeNote"), s.actor());
                int version = plans.versions(s.certificationId()).size();
                audit.record(s.actor(), AuditAction.PLAN_SUBMITTED, s.certificationId(), null, "piano v" + version,
                        v.text("planTitle"));
                return StepOutcome.recorded("Piano aziendale presentato (versione " + version + ", "
                        + v.integer("actionsCount") + " azioni)");
            }
        };
    }

    @Bean
    TaskStep approvePlanStep(PlanRepository plans, AuditTrail audit) {
        return new CertificationStep(CertificationProcess.APPROVE_PLAN, Phase.PLAN_APPROVAL) {

            @Override
            public void validate(TaskSubmission s, List<FieldError> errors) {
                FormValues v = s.values();
                String decision = v.text("planDecision");
                if ("changes".equals(decision) && !v.has("requestedChanges")) {
                    errors.add(new FieldError("requestedChanges", "Indicare le modifiche richieste"));
                }
                if ("approve".equals(decision) && !v.has("signatoryName")) {
                    errors.add(new FieldError("signatoryName", "Indicare chi firma il piano"));
                }
                Optional<PlanVersion> plan = plans.submitted(s.certificationId());
                if (plan.isEmpty()) {
                    errors.add(new FieldError("planDecision", "Nessun piano in attesa di approvazione"));
                } else if (plan.get().submittedBy().equals(s.actor())) {
                    errors.add(new FieldError("planDecision", "Chi ha presentato il piano non può approvarlo"));
                }
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                FormValues v = s.values();
                PlanVersion plan = plans.submitted(s.certificationId()).orElseThrow();
                boolean approved = "approve".equals(v.text("planDecision"));
                String note = approved ? null : v.text("requestedChanges");
                plans.decide(plan.id(), approved ? PlanStatus.APPROVED : PlanStatus.CHANGES_REQUESTED, s.actor(), note,
                        approved ? v.text("signatoryName") : null, approved ? v.text("signatoryRole") : null);
                audit.record(s.actor(), approved ? AuditAction.PLAN_APPROVED : AuditAction.PLAN_CHANGES_REQUESTED,
                        s.certificationId(), null, "piano v" + plan.versionNo(),
                        approved ? "firmato da " + v.text("signatoryName") : note);
                return StepOutcome.decided(CertificationProcess.PLAN_DECISION, v.text("planDecision"), approved
                        ? "Piano (versione " + plan.versionNo() + ") approvato e firmato da " + v.text("signatoryName")
                        : "Piano (versione " + plan.versionNo() + ") rimandato con modifiche: " + note);
            }
        };
    }
}
