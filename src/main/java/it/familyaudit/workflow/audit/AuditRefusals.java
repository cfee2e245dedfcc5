package it.familyaudit.workflow.audit;

import it.familyaudit.workflow.refusal.InvalidRequest;
import it.familyaudit.workflow.refusal.NotPermitted;

/** What the audit trail refuses. */
final class AuditRefusals {

    private AuditRefusals() {
    }

    static final class AuditTrailForTheAgencyOnly extends NotPermitted {

        AuditTrailForTheAgencyOnly() {
            super("Registro riservato all'ente di certificazione / Audit trail for the agency only");
        }
    }

    static final class PeriodEndsBeforeItStarts extends InvalidRequest {

        PeriodEndsBeforeItStarts() {
            super("'to' precede 'from' / 'to' is before 'from'");
        }
    }
}
