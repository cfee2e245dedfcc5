package it.familyaudit.workflow.tasks;

import it.familyaudit.workflow.security.ProfessionalAssignment;
import java.util.OptionalLong;

/**
 * Where the task machinery reports to the certification it works for: kept as an interface so
 * that the task package does not depend on the certification package that uses it.
 */
public interface CertificationJournal {

    /** The certification a process instance runs, if any. */
    OptionalLong certificationOf(String processInstanceId);

    /** The consultant and evaluator the certification names. */
    ProfessionalAssignment assignment(long certificationId);

    void taskCreated(long certificationId, String taskKey, String phase);

    void taskCompleted(TaskSubmission submission, StepOutcome outcome);
}
