package it.familyaudit.workflow.plan;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.CertificationStep;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.plan.PlanRefusals.PlanVersionAlreadyDecided;
import it.familyaudit.workflow.security.People;
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
 * Management approves and signs the submitted plan, or sends it back; its completion records the decision on the
 * version (with the signatory or the changes requested) in the plan and in the audit trail.
 */
@Component
final class ApprovePlan extends CertificationStep {

    private final PlanRepository plans;
    private final AuditTrail audit;
    /** Looked up when used: the step is built with the engine, and People needs the engine's identity service. */
    private final ObjectProvider<People> people;

    ApprovePlan(PlanRepository plans, AuditTrail audit, ObjectProvider<People> people) {
        super(CertificationProcess.APPROVE_PLAN, Phase.PLAN_APPROVAL);
        this.plans = plans;
        this.audit = audit;
        this.people = people;
    }

    /** What management is asked to sign, so that the form says which version it is. */
    @Override
    public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        Optional<PlanVersion> plan = plans.submitted(certificationId);
        if (plan.isEmpty()) {
            return Map.of();
        }
        PlanVersion p = plan.get();
        return Map.of("planSubmitted", "Versione " + p.versionNo() + " «" + p.title() + "», "
                + p.actionsCount() + (p.actionsCount() == 1 ? " azione" : " azioni") + ", presentata da "
                + people.getObject().nameOf(p.submittedBy())
                + (p.changeNote() == null ? "" : ". Modifiche: " + p.changeNote())
                + ". Il piano completo, il suo PDF e il confronto con le versioni precedenti sono sulla pagina"
                + " della certificazione nello sportello.");
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

    /** The approval of revisions after the certificate needs no task: see {@link PlanService}. */
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
}
