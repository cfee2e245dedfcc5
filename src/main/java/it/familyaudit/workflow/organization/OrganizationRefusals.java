package it.familyaudit.workflow.organization;

import it.familyaudit.workflow.refusal.NotFound;
import it.familyaudit.workflow.refusal.NotPermitted;
import it.familyaudit.workflow.refusal.StateConflict;

/** What the register of organisations refuses. */
public final class OrganizationRefusals {

    private OrganizationRefusals() {
    }

    /** No such organisation, or one the caller does not belong to. */
    public static final class OrganizationNotFound extends NotFound {

        OrganizationNotFound() {
            super("Organizzazione", true);
        }
    }

    public static final class OnlyTheAgencyRegisters extends NotPermitted {

        OnlyTheAgencyRegisters() {
            super("Solo l'ente di certificazione registra le organizzazioni / "
                    + "Only the certifying agency registers organisations");
        }
    }

    public static final class OrganizationAlreadyRegistered extends StateConflict {

        OrganizationAlreadyRegistered(String code) {
            super("Organizzazione già registrata / Organisation already registered: " + code);
        }
    }
}
