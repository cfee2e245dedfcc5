package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.tasks.CertificationJournal;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

@Component
class CertificationJournalImpl implements CertificationJournal {

    private final CertificationRepository certifications;
    private final Timeline timeline;

    CertificationJournalImpl(CertificationRepository certifications, Timeline timeline) {
        this.certifications = certifications;
        this.timeline = timeline;
    }

    @Override
    public OptionalLong certificationOf(String processInstanceId) {
        return certifications.findByProcessInstance(processInstanceId)
                .map(c -> OptionalLong.of(c.id())).orElseGet(OptionalLong::empty);
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
    }
}
