package it.familyaudit.workflow.plan;

import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.CertificationStep;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.EngineAccess;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.survey.QuestionnaireService;
import it.familyaudit.workflow.tasks.FormValues;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The working group drafts the plan and submits it; its completion records the draft as the submitted version,
 * with its summary and what changed since the version before.
 */
@Component
final class DraftPlan extends CertificationStep {

    /** The drafting form's read-only list of the questionnaire's main needs. */
    static final String MAIN_NEEDS = "mainNeeds";

    private final PlanRepository plans;
    private final PlanDrafts drafts;
    private final ObjectProvider<QuestionnaireService> questionnaires;

    DraftPlan(PlanRepository plans, PlanDrafts drafts, ObjectProvider<QuestionnaireService> questionnaires) {
        super(CertificationProcess.DRAFT_PLAN, Phase.PLAN_DRAFTING);
        this.plans = plans;
        this.drafts = drafts;
        this.questionnaires = questionnaires;
    }

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

    /**
     * The draft itself is edited through the plan API; completing the task submits it as it stands,
     * only when it is complete. The form shows why it is not yet ({@code planCheck}, read-only: the
     * server never takes it from the user). The drafting of revisions after the certificate needs no
     * task: see {@link PlanService}.
     */
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
}
