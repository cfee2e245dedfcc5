package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.refusal.StateConflict;

/** One organisation runs one cycle at a time, and this one has a cycle in progress. */
public final class CertificationAlreadyActive extends StateConflict {

    private final long activeId;

    public CertificationAlreadyActive(String organization, long activeId) {
        super(organization + " ha già una certificazione in corso (n. " + activeId + ") / "
                + organization + " already has a certification in progress");
        this.activeId = activeId;
    }

    public long activeId() {
        return activeId;
    }
}
