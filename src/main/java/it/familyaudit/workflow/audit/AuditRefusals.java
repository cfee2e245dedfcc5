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

    static final class PeriodOutOfCalendar extends InvalidRequest {

        PeriodOutOfCalendar() {
            super("'from' e 'to' sono date con l'anno da 1000 a 9999 / 'from' and 'to' are dates with a year from 1000"
                    + " to 9999");
        }
    }

    static final class PeriodEndsBeforeItStarts extends InvalidRequest {

        PeriodEndsBeforeItStarts() {
            super("'to' precede 'from' / 'to' is before 'from'");
        }
    }
}
