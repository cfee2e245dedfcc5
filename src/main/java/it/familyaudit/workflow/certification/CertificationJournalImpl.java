package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.security.ProfessionalAssignment;
import it.familyaudit.workflow.tasks.CertificationJournal;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

@Component
class CertificationJournalImpl implements CertificationJournal {

    private final CertificationRepository certifications;
    private final Timeline timeline;
    private final AuditTrail audit;

    CertificationJournalImpl(CertificationRepository certifications, Timeline timeline, AuditTrail audit) {
        this.certifications = certifications;
        this.timeline = timeline;
        this.audit = audit;
    }

    @Override
    public OptionalLong certificationOf(String processInstanceId) {
        return certifications.certificationOfProcess(processInstanceId)
                .map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    @Override
    public ProfessionalAssignment assignment(long certificationId) {
        return certifications.get(certificationId).assignment();
    }

    @Override
    public void taskCreated(long certificationId, String taskKey, String phase) {
        if (phase != null) {
            certifications.updatePhase(certificationId, Phase.valueOf(phase));
        }
    }

    @Override
    public void taskCompleted(TaskSubmission submission, StepOutcome outcome) {
        timeline.taskCompleted(submission.certificationId(), submission.taskId(), submission.taskKey(),
                outcome.decision(), outcome.summary(), submission.actor());
        audit.record(submission.actor(), AuditAction.TASK_COMPLETED, submission.certificationId(), null,
                submission.taskKey() + " " + submission.taskId(),
                outcome.decision() == null ? outcome.summary() : outcome.decision() + ": " + outcome.summary());
    }
}
