package it.familyaudit.workflow.certification;

/** How a cycle ends; {@code ACTIVE} while it runs. */
public enum CertificationStatus {
    ACTIVE, CERTIFIED, DENIED, WITHDRAWN, CLOSED;

    public boolean isFinal() {
        return this != ACTIVE;
    }
}
