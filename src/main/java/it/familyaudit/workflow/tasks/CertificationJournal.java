package it.familyaudit.workflow.tasks;

import java.util.OptionalLong;

/**
 * Where the task machinery reports to the certification it works for: kept as an interface so
 * that the task package does not depend on the certification package that uses it.
 */
public interface CertificationJournal {

    /** The certification a process instance runs, if any. */
    OptionalLong certificationOf(String processInstanceId);

    /** Whether the certification names this user as its professional in this role (consultant, evaluator). */
    boolean assigns(long certificationId, String role, String userId);

    void taskCreated(long certificationId, String taskKey, String phase);

    void taskCompleted(TaskSubmission submission, StepOutcome outcome);
}
