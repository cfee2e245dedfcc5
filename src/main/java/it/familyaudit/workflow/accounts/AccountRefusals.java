package it.familyaudit.workflow.accounts;

import it.familyaudit.workflow.refusal.NotFound;
import it.familyaudit.workflow.refusal.NotPermitted;

/** What the people's accounts refuse. */
public final class AccountRefusals {

    private AccountRefusals() {
    }

    public static final class OnlyTheAgencyOnboards extends NotPermitted {

        OnlyTheAgencyOnboards() {
            super("Solo l'ente di certificazione registra organizzazioni e persone / "
                    + "Only the certifying agency registers organisations and people");
        }
    }

    /**
     * The technical administrator, the agency's and the council's own people, and anyone signing in
     * through an identity provider are not the agency's to give a password to: an agency member
     * who could set a council member's password could decide in the council's place.
     */
    public static final class PasswordNotTheAgencys extends NotPermitted {

        PasswordNotTheAgencys(String userId) {
            super("L'ente non rilascia collegamenti per la password di " + userId + " / "
                    + "The agency does not issue password links for " + userId);
        }
    }

    public static final class PersonNotFound extends NotFound {

        PersonNotFound() {
            super("Persona", true);
        }
    }

    /**
     * The link is unknown, used or expired. One refusal for the three, so that nobody holding or
     * guessing a link learns which.
     */
    public static final class PasswordLinkNotValid extends NotFound {

        PasswordLinkNotValid() {
            super("Collegamento non valido o scaduto / Link not valid or expired");
        }
    }
}
