package it.familyaudit.workflow.certification;

import org.camunda.bpm.engine.ProcessEngineException;

/** One organisation runs one cycle at a time: answered 409 by the API. */
public class CertificationAlreadyActiveException extends ProcessEngineException {

    private final long activeId;

    public CertificationAlreadyActiveException(String organization, long activeId) {
        super(organization + " ha già una certificazione in corso (n. " + activeId + ") / "
                + organization + " already has a certification in progress");
        this.activeId = activeId;
    }

    public long activeId() {
        return activeId;
    }
}
