package it.familyaudit.workflow.plan;

import it.familyaudit.workflow.engine.FieldError;
import java.time.Instant;
import java.util.List;

/**
 * One plan version as the API shows it: who did what with it ({@code version}), its content in the
 * shape a draft is sent back in, and what still keeps it from being submitted ({@code problems},
 * with the paths a save's field errors use).
 */
public record PlanView(Version version, String title, boolean fieldsMandatory, List<PlanField> fields,
                       List<PlanAction> actions, List<FieldError> problems) {

    /** A line of the history: status, who created, submitted and decided it, and why it changed. */
    public record Version(int versionNo, PlanStatus status, String statusLabel, String title, int actionsCount,
                          Integer basedOnVersion, String createdBy, Instant createdAt, String summary,
                          String changeNote, String submittedBy, Instant submittedAt, String decidedBy,
                          Instant decidedAt, String decisionNote, String signatoryName, String signatoryRole) {

        static Version of(PlanVersion v) {
            return new Version(v.versionNo(), v.status(), label(v.status()), v.title(), v.actionsCount(),
                    v.basedOnVersion(), v.createdBy(), v.createdAt(), v.summary(), v.changeNote(), v.submittedBy(),
                    v.submittedAt(), v.decidedBy(), v.decidedAt(), v.decisionNote(), v.signatoryName(),
                    v.signatoryRole());
        }
    }

    static String label(PlanStatus status) {
        return switch (status) {
            case DRAFT -> "bozza";
            case SUBMITTED -> "presentata, in attesa di decisione";
            case APPROVED -> "approvata";
            case CHANGES_REQUESTED -> "rimandata con modifiche";
        };
    }
}
