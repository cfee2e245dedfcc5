package it.familyaudit.workflow.survey;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.Timeline;
import it.familyaudit.workflow.engine.EngineAccess;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.survey.Campaign.CloseReason;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The questionnaire's steps that no person performs, called from the model as
 * {@code ${questionnaireLifecycle...}}, and the one closing all ways of ending a campaign share.
 */
@Component("questionnaireLifecycle")
public class QuestionnaireLifecycle {

    private final CampaignRepository campaigns;
    private final Timeline timeline;
    private final AuditTrail audit;

    QuestionnaireLifecycle(CampaignRepository campaigns, Timeline timeline, AuditTrail audit) {
        this.campaigns = campaigns;
        this.timeline = timeline;
        this.audit = audit;
    }

    /**
     * {@code CloseQuestionnaireTask}: after the closing-date timer it closes the campaign; after the
     * referent's early closing through our API (already closed by then) there is nothing left to
     * do. A message sent another way (Cockpit, {@code /engine-rest}) before the closing date counts
     * as an early closing by whoever sent it.
     */
    public void close(DelegateExecution execution) {
        campaigns.ofCertification(certificationId(execution)).ifPresent(c -> close(c,
                EngineTime.today().isAfter(c.closesOn()) ? CloseReason.CLOSING_DATE : CloseReason.EARLY,
                EngineAccess.currentActor()));
    }

    /**
     * The end of the questionnaire's sub-process, also when the cycle ends while the campaign runs
     * (withdrawal, closing by the agency): a campaign still open closes, and its codes go.
     */
    public void ended(DelegateExecution execution) {
        campaigns.ofCertification(certificationId(execution))
                .ifPresent(c -> close(c, CloseReason.CYCLE_ENDED, EngineAccess.currentActor()));
    }

    /**
     * Closes an open campaign: no answer is accepted afterwards, the code hashes and their key are
     * deleted and the answers are shuffled (see {@link CampaignRepository#seal}).
     *
     * @return false when it was already closed
     */
    boolean close(Campaign campaign, CloseReason reason, String actor) {
        if (!campaigns.close(campaign.id(), reason, actor, EngineTime.today())) {
            return false;
        }
        campaigns.seal(campaign.id());
        int answers = campaigns.answerCount(campaign.id());
        String summary = "Questionario chiuso " + reason.italian + ": "
                + CollectQuestionnaireAnswers.answered(answers, campaign.employeesInvited());
        timeline.recordBy(campaign.certificationId(), "QUESTIONNAIRE_CLOSED", summary, actor);
        audit.record(actor, AuditAction.QUESTIONNAIRE_CLOSED, campaign.certificationId(), null, "questionario",
                reason.name() + ", " + answers + " risposte");
        return true;
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "-" : Math.round(100.0 * part / whole) + "%";
    }

    private static long certificationId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CertificationProcess.CERTIFICATION_ID)).longValue();
    }
}
