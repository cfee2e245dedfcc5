package it.familyaudit.workflow.plan;

/** Bodies of the plan's requests besides the draft itself (see {@link PlanJson}). */
public final class PlanRequests {

    private PlanRequests() {
    }

    /** Submitting a revision: what changed is required, a summary is optional. */
    public record Submission(String summary, String changeNote) {
    }

    /** Management's decision on a submitted revision: {@code approve} with a signatory, or {@code reject} with a note. */
    public record Decision(String decision, String signatoryName, String signatoryRole, String note) {
    }
}
