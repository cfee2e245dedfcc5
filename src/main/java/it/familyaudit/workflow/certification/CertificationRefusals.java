package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.refusal.NotFound;
import it.familyaudit.workflow.refusal.NotPermitted;

/** What the certification's own services refuse, besides the state conflicts that have files of their own. */
public final class CertificationRefusals {

    private CertificationRefusals() {
    }

    /** No such certification, or one the caller may not see: others' ids reveal nothing. */
    public static final class CertificationNotFound extends NotFound {

        public CertificationNotFound() {
            super("Certificazione", true);
        }
    }

    public static final class OnlyTheReferentStarts extends NotPermitted {

        OnlyTheReferentStarts() {
            super("Solo il referente interno avvia la certificazione / Only the internal referent starts a certification");
        }
    }

    public static final class RoleSeesNoCertifications extends NotPermitted {

        RoleSeesNoCertifications() {
            super("Il tuo ruolo non vede le certificazioni / Your role sees no certifications");
        }
    }

    public static final class OnlyTheOrganisationWithdraws extends NotPermitted {

        OnlyTheOrganisationWithdraws() {
            super("Solo l'organizzazione può ritirarsi / Only the organisation can withdraw");
        }
    }

    public static final class NoSingleOrganisation extends NotPermitted {

        NoSingleOrganisation() {
            super("L'utente non appartiene a una sola organizzazione / The user belongs to no single organisation");
        }
    }
}
