package it.familyaudit.workflow.certification;

import org.camunda.bpm.engine.ProcessEngineException;

/** A change to a cycle that has already ended (or never existed): answered 409 by the API. */
public class CertificationNotActiveException extends ProcessEngineException {

    public CertificationNotActiveException(long id) {
        super("La certificazione " + id + " non è più attiva / Certification " + id + " is no longer active");
    }
}
