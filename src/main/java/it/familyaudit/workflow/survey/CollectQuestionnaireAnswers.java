package it.familyaudit.workflow.survey;

import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.CertificationStep;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.survey.Campaign.CloseReason;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The referent's task while the campaign runs: it shows how many have answered, and completing it
 * closes the campaign before its closing date (the closing-date timer and an early closing through
 * the API end it too, as boundary events). Without the confirmation nothing closes.
 */
@Component
final class CollectQuestionnaireAnswers extends CertificationStep {

    private final CampaignRepository campaigns;
    private final QuestionnaireLifecycle lifecycle;

    CollectQuestionnaireAnswers(CampaignRepository campaigns, QuestionnaireLifecycle lifecycle) {
        super(CertificationProcess.COLLECT_QUESTIONNAIRE_ANSWERS, Phase.NEEDS_SURVEY);
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
    }

    /** What Tasklist shows: the count when the task opened (the portal shows it live, see {@link #currentValues}). */
    @Override
    public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        return currentValues(certificationId);
    }

    @Override
    public Map<String, Object> currentValues(long certificationId) {
        return campaigns.ofCertification(certificationId)
                .map(c -> Map.<String, Object>of("answersSoFar", answered(campaigns.answerCount(c.id()), c.employeesInvited())))
                .orElse(Map.of());
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        if (!Boolean.TRUE.equals(s.values().values().get("closeNow"))) {
            errors.add(new FieldError("closeNow", "Per chiudere la raccolta prima della data di chiusura, confermare la chiusura"));
        }
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        Campaign campaign = campaigns.ofCertification(s.certificationId()).orElseThrow();
        lifecycle.close(campaign, CloseReason.EARLY, s.actor());
        return StepOutcome.recorded("Raccolta delle risposte chiusa prima della data di chiusura");
    }

    /** "1 risposta su 80 dipendenti coinvolti (1%)", "23 risposte su 80 …". */
    static String answered(int answers, int invited) {
        return answers + (answers == 1 ? " risposta su " : " risposte su ") + invited
                + (invited == 1 ? " dipendente coinvolto (" : " dipendenti coinvolti (")
                + QuestionnaireLifecycle.percent(answers, invited) + ")";
    }
}
