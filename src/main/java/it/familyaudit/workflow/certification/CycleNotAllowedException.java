package it.familyaudit.workflow.certification;

import org.camunda.bpm.engine.ProcessEngineException;

/** A kind of cycle the organisation cannot start now (maintenance without an Executive): answered 409. */
public class CycleNotAllowedException extends ProcessEngineException {

    public CycleNotAllowedException(String message) {
        super(message);
    }
}
