package it.familyaudit.workflow.certificate;

import it.familyaudit.workflow.refusal.NotFound;

/** The certification has no certificate of the kind asked for (yet). */
final class CertificateNotIssued extends NotFound {

    CertificateNotIssued() {
        super("Certificato", false);
    }
}
