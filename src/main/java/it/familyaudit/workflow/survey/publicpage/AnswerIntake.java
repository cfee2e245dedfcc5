package it.familyaudit.workflow.survey.publicpage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.survey.Campaign;
import it.familyaudit.workflow.survey.CampaignRepository;
import it.familyaudit.workflow.survey.Campaign.InvitationMode;
import it.familyaudit.workflow.survey.invitations.InvitationCodes;
import it.familyaudit.workflow.survey.publicpage.AnswerCheck.Answers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Takes in one employee's answers. With codes, marking the code used and storing the answers
 * happen in one transaction, or not at all, and nothing ties the two rows: the code row only
 * turns {@code used}, the answer row gets a random id and the day. Nothing here is logged.
 *
 * <p>With a shared link there is no code to spend, so one person could answer twice; the most we
 * do is refuse a second answer from the same browser (a random cookie, of which only a digest is kept, in
 * {@code fa_questionnaire_ballot}: never with the answers, seen by every instance, deleted with the codes
 * when the campaign is sealed).
 */
@Service
public class AnswerIntake {

    public enum Outcome { ACCEPTED, CODE_UNKNOWN, CODE_USED, CLOSED }

    private final CampaignRepository campaigns;
    private final ObjectMapper json;

    AnswerIntake(CampaignRepository campaigns, ObjectMapper json) {
        this.campaigns = campaigns;
        this.json = json;
    }

    /**
     * @param codeKey        the campaign's key, null in shared-link mode
     * @param canonicalCode  the code as {@link InvitationCodes#canonical} made it, null in shared-link mode
     */
    @Transactional
    public Outcome submit(Campaign campaign, byte[] codeKey, String canonicalCode, Answers answers, LocalDate day) {
        if (campaign.mode() == InvitationMode.CODES) {
            if (codeKey == null) {
                return Outcome.CLOSED; // closing deletes the key
            }
            String hash = InvitationCodes.hash(codeKey, canonicalCode);
            if (!campaigns.useCode(campaign.id(), hash)) {
                return campaigns.codeUsed(campaign.id(), hash).map(used -> Outcome.CODE_USED).orElse(Outcome.CODE_UNKNOWN);
            }
        }
        if (!campaigns.insertAnswer(campaign.id(), day, write(answers.profile()), write(answers.choices()))) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly(); // the code stays unused
            return Outcome.CLOSED;
        }
        if (!answers.texts().isEmpty()) {
            campaigns.insertTexts(campaign.id(), answers.texts());
        }
        return Outcome.ACCEPTED;
    }

    /**
     * Claims the browser's one answer to a shared-link campaign.
     *
     * @return false when this browser has already answered (or is answering right now)
     */
    boolean claimBrowser(long campaignId, String ballot) {
        return campaigns.claimBallot(campaignId, browserKey(campaignId, ballot));
    }

    /** Gives the claim back when the answer was not stored after all. */
    void releaseBrowser(long campaignId, String ballot) {
        campaigns.releaseBallot(campaignId, browserKey(campaignId, ballot));
    }

    /** Only a digest of the cookie is kept, so the database holds no cookie. */
    private static String browserKey(long campaignId, String ballot) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((campaignId + ":" + ballot).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
