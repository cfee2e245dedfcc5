package it.familyaudit.workflow.certification;

/**
 * Where a cycle stands as a whole. {@code ACTIVE} while it runs up to the certificate; {@code CERTIFIED}
 * while it runs on after the Family Audit certificate, through the yearly monitoring. The others end it:
 * {@code EXECUTIVE} when the plan is recognised as carried out (or a maintenance or consolidation cycle
 * confirmed the Executive to its last year), {@code REVOKED} when the council revoked the certificate.
 */
public enum CertificationStatus {
    ACTIVE, CERTIFIED, EXECUTIVE, REVOKED, DENIED, WITHDRAWN, CLOSED;

    public boolean isFinal() {
        return this != ACTIVE && this != CERTIFIED;
    }
}
