package it.familyaudit.workflow.plan;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.CertificationStep;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.EngineAccess;
import it.familyaudit.workflow.survey.QuestionnaireService;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.FormValues;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskStep;
import it.familyaudit.workflow.tasks.TaskSubmission;
import it.familyaudit.workflow.plan.PlanRefusals.PlanVersionAlreadyDecided;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The working group drafts the plan and submits it; management approves and signs it, or sends it back.
 * The drafting and approval of revisions after the certificate need no task: see {@link PlanService}.
 */
@Configuration(proxyBeanMethods = false)
class PlanSteps {

    /** The drafting form's read-only list of the questionnaire's main needs. */
    static final String MAIN_NEEDS = "mainNeeds";

    /**
     * The draft itself is edited through the plan API; completing the task submits it as it stands,
     * only when it is complete. The form shows why it is not yet ({@code planCheck}, read-only: the
     * server never takes it from the user).
     */
    @Bean
    TaskStep draftPlanStep(PlanRepository plans, PlanDrafts drafts,
                           ObjectProvider<QuestionnaireService> questionnaires) {
        return new CertificationStep(CertificationProcess.DRAFT_PLAN, Phase.PLAN_DRAFTING) {

            @Override
            public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
                drafts.openForTask(certificationId, EngineAccess.currentActor());
                return currentValues(certificationId);
            }

            @Override
            public Map<String, Object> currentValues(long certificationId) {
                // The questionnaire's main needs, which the plan answers: actions cite their codes. Looked
                // up when used: the questionnaire's service needs the engine, which needs the task steps.
                return Map.of(PlanService.PLAN_CHECK, drafts.check(certificationId),
                        MAIN_NEEDS, questionnaires.getObject().mainNeedsText(certificationId));
            }

            @Override
            public void validate(TaskSubmission s, List<FieldError> errors) {
                Optional<PlanVersion> draft = plans.draft(s.certificationId());
                if (draft.isEmpty()) {
                    errors.add(new FieldError(PlanService.PLAN_CHECK,
                            "Nessuna bozza del piano da presentare: salvare prima il piano"));
                    return;
                }
                if (draft.get().versionNo() > 1 && !s.values().has("changeNote")) {
                    errors.add(new FieldError("changeNote", "Descrivere le modifiche rispetto alla versione precedente"));
                }
                errors.addAll(drafts.problems(draft.get()));
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                FormValues v = s.values();
                PlanVersion plan = drafts.submit(plans.draft(s.certificationId()).orElseThrow(),
                        v.text("planSummary"), v.text("changeNote"), s.actor());
                return StepOutcome.recorded("Piano aziendale presentato (versione " + plan.versionNo() + ", "
                        + plan.actionsCount() + " azioni)");
            }
        };
    }

    @Bean
    TaskStep approvePlanStep(PlanRepository plans, AuditTrail audit) {
        return new CertificationStep(CertificationProcess.APPROVE_PLAN, Phase.PLAN_APPROVAL) {

            /** What management is asked to sign, so that the form says which version it is. */
            @Override
            public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
                Optional<PlanVersion> plan = plans.submitted(certificationId);
                if (plan.isEmpty()) {
                    return Map.of();
                }
                PlanVersion p = plan.get();
                return Map.of("planSubmitted", "Versione " + p.versionNo() + " «" + p.title() + "», "
                        + p.actionsCount() + " azioni, presentata da " + p.submittedBy()
                        + (p.changeNote() == null ? "" : ". Modifiche: " + p.changeNote())
                        + ". Il piano completo: GET /api/certifications/" + certificationId + "/plan/versions/"
                        + p.versionNo());
            }

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
                // Sent back: the drafting task that opens next starts from a copy of this version.
                if (!plans.decide(plan.id(), approved ? PlanStatus.APPROVED : PlanStatus.CHANGES_REQUESTED, s.actor(),
                        note, approved ? v.text("signatoryName") : null, approved ? v.text("signatoryRole") : null)) {
                    throw new PlanVersionAlreadyDecided(plan.versionNo());
                }
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
