package it.familyaudit.workflow.plan;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.plan.PlanRefusals.PlanVersionNoLongerDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How drafts are opened, checked and submitted, shared by the plan's tasks and its API. It uses no
 * engine service: the task steps that call it are built before the engine exists.
 */
@Component
class PlanDrafts {

    static final String DEFAULT_TITLE = "Piano aziendale Family Audit";
    /** Camunda keeps a string variable in a 4,000-character column. */
    private static final int MAX_CHECK_LENGTH = 3800;

    private final PlanRepository plans;
    private final AuditTrail audit;

    PlanDrafts(PlanRepository plans, AuditTrail audit) {
        this.plans = plans;
        this.audit = audit;
    }

    /**
     * Makes sure the drafting task has a draft to work on: the working group continues from a version
     * sent back, else from the approved plan (an integration asked by the evaluator or the council),
     * else starts from an empty plan with the standard's fields.
     */
    void openForTask(long certificationId, String by) {
        if (plans.draft(certificationId).isPresent() || plans.submitted(certificationId).isPresent()) {
            return;
        }
        Optional<PlanVersion> newest = newest(certificationId);
        Optional<PlanVersion> from = newest.filter(v -> v.status() == PlanStatus.CHANGES_REQUESTED)
                .or(() -> plans.latestApproved(certificationId));
        if (from.isPresent()) {
            copy(from.get(), by);
        } else if (newest.isEmpty()) {
            plans.createDraft(certificationId, DEFAULT_TITLE, PlanContent.empty(), true, null, by);
        }
    }

    /** A new draft holding what {@code from} says, based on it; empty while another version is open. */
    Optional<PlanVersion> copy(PlanVersion from, String by) {
        return plans.createDraft(from.certificationId(), from.title(), plans.content(from.id()), from.fieldsMandatory(),
                from.versionNo(), by).flatMap(id -> plans.draft(from.certificationId()));
    }

    /** Submits the draft, which the caller has checked; 409 if it is no longer a draft. */
    PlanVersion submit(PlanVersion draft, String summary, String changeNote, String by) {
        if (!plans.submitDraft(draft.id(), summary, changeNote, by)) {
            throw noLongerADraft(draft.certificationId(), draft.versionNo());
        }
        audit.record(by, AuditAction.PLAN_SUBMITTED, draft.certificationId(), null, "piano v" + draft.versionNo(),
                draft.title());
        return plans.version(draft.certificationId(), draft.versionNo()).orElseThrow();
    }

    /** Everything that keeps this draft from being submitted: rules broken (e.g. by old data), then gaps. */
    List<FieldError> problems(PlanVersion draft) {
        return problems(draft, plans.content(draft.id()));
    }

    static List<FieldError> problems(PlanVersion draft, PlanContent content) {
        return problems(draft.title(), draft.fieldsMandatory(), content);
    }

    static List<FieldError> problems(String title, boolean fieldsMandatory, PlanContent content) {
        List<FieldError> problems = new ArrayList<>(PlanRules.structure(title, content));
        problems.addAll(PlanRules.completeness(content, fieldsMandatory));
        return problems;
    }

    /** The drafting form's check, in words: what is missing, or that the plan may be submitted. */
    String check(long certificationId) {
        Optional<PlanVersion> draft = plans.draft(certificationId);
        if (draft.isEmpty()) {
            return "Nessuna bozza del piano: si scrive nell'editor del piano, dalla pagina della certificazione nello"
                    + " sportello (o si carica un foglio di calcolo).";
        }
        PlanVersion v = draft.get();
        PlanContent content = plans.content(v.id());
        List<String> lines = new ArrayList<>();
        // A broken rule names its place; a gap's message already says which field or action lacks what.
        PlanRules.structure(v.title(), content)
                .forEach(e -> lines.add(PlanPlaces.italian(e.field(), content) + ": " + e.message()));
        PlanRules.completeness(content, v.fieldsMandatory()).forEach(e -> lines.add(e.message()));
        if (lines.isEmpty()) {
            return "Il piano (versione " + v.versionNo() + ", «" + v.title() + "») è completo: "
                    + content.actions().size() + " azioni in " + content.fields().size()
                    + " campi di indagine. Si può presentare.";
        }
        StringBuilder text = new StringBuilder("Il piano (versione " + v.versionNo() + ") non si può ancora presentare:");
        for (int i = 0; i < lines.size(); i++) {
            String line = "\n- " + lines.get(i);
            if (text.length() + line.length() > MAX_CHECK_LENGTH) {
                text.append("\n… e altri ").append(lines.size() - i).append(" problemi");
                break;
            }
            text.append(line);
        }
        return text.toString();
    }

    Optional<PlanVersion> newest(long certificationId) {
        List<PlanVersion> all = plans.versions(certificationId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    PlanVersionNoLongerDraft noLongerADraft(long certificationId, int versionNo) {
        String now = plans.version(certificationId, versionNo).map(v -> PlanView.label(v.status())).orElse("?");
        return new PlanVersionNoLongerDraft(versionNo, now);
    }
}
