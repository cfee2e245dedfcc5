package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.refusal.StateConflict;

/** A change to a cycle that has already ended (or never existed). */
public final class CertificationNotActive extends StateConflict {

    public CertificationNotActive(long id) {
        super("La certificazione " + id + " non è più attiva / Certification " + id + " is no longer active");
    }
}
