package it.familyaudit.workflow.survey;

import it.familyaudit.workflow.certification.Certifications;
import it.familyaudit.workflow.certification.CertificationStatus;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.survey.Campaign.CloseReason;
import it.familyaudit.workflow.survey.Campaign.InvitationMode;
import it.familyaudit.workflow.survey.Campaign.Status;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The campaigns, their codes and their answers. Every change is guarded by the state it needs (a
 * code is used once, answers go only into an open campaign), so two requests racing each other
 * cannot both succeed.
 */
@Repository
public class CampaignRepository {

    private static final SecureRandom SHUFFLE = new SecureRandom();
    private static final String SELECT = """
            SELECT id, certification_id, public_token, opens_on, closes_on, employees_invited, invitation_mode, status,
                   codes_issued, codes_issued_on, opened_by, opened_at, closed_on, closed_by, close_reason
            FROM fa_questionnaire_campaign""";

    /**
     * A campaign as the public page finds it: with its organisation, whether the cycle still runs,
     * and the key of its codes (null in shared-link mode and once closed).
     */
    public record Published(Campaign campaign, String organizationName, boolean cycleActive, byte[] codeKey) {
    }

    /** How many answers came in on one day. */
    record DayCount(LocalDate day, int answers) {
    }

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final Certifications certifications;

    CampaignRepository(JdbcClient db, JdbcTemplate jdbc, Certifications certifications) {
        this.db = db;
        this.jdbc = jdbc;
        this.certifications = certifications;
    }

    Campaign create(long certificationId, String publicToken, LocalDate opensOn, LocalDate closesOn, int employees,
                    InvitationMode mode, String questions, byte[] codeKey, String openedBy) {
        db.sql("""
                INSERT INTO fa_questionnaire_campaign (certification_id, public_token, opens_on, closes_on,
                    employees_invited, invitation_mode, questions, code_key, status, opened_by, opened_at)
                VALUES (:cert, :token, :opens, :closes, :employees, :mode, :questions, :key, 'OPEN', :by, :at)
                """)
                .param("cert", certificationId).param("token", publicToken)
                .param("opens", Date.valueOf(opensOn)).param("closes", Date.valueOf(closesOn))
                .param("employees", employees).param("mode", mode.name()).param("questions", questions)
                .param("key", mode == InvitationMode.CODES ? HexFormat.of().formatHex(codeKey) : null)
                .param("by", openedBy).param("at", Timestamp.from(EngineTime.now()))
                .update();
        return ofCertification(certificationId).orElseThrow();
    }

    Optional<Campaign> ofCertification(long certificationId) {
        return db.sql(SELECT + " WHERE certification_id = :cert").param("cert", certificationId)
                .query(CampaignRepository::campaign).optional();
    }

    /** The campaign with its token, and its cycle and organisation as the certification package tells them. */
    public Optional<Published> published(String publicToken) {
        record Found(Campaign campaign, String codeKey) {
        }
        return db.sql("""
                SELECT id, certification_id, public_token, opens_on, closes_on, employees_invited, invitation_mode, status,
                       codes_issued, codes_issued_on, opened_by, opened_at, closed_on, closed_by, close_reason, code_key
                FROM fa_questionnaire_campaign WHERE public_token = :token
                """)
                .param("token", publicToken)
                .query((rs, n) -> new Found(campaign(rs, n), rs.getString("code_key")))
                .optional()
                .flatMap(found -> certifications.withOrganization(found.campaign().certificationId())
                        .map(cycle -> new Published(found.campaign(), cycle.organization().name(),
                                cycle.certification().status() == CertificationStatus.ACTIVE,
                                found.codeKey() == null ? null : HexFormat.of().parseHex(found.codeKey()))));
    }

    /** The questions the campaign asks (form-js JSON). */
    String questions(long campaignId) {
        return db.sql("SELECT questions FROM fa_questionnaire_campaign WHERE id = :id").param("id", campaignId)
                .query(String.class).single();
    }

    /** The key of the codes' hashes; none in shared-link mode or once the campaign closed. */
    Optional<byte[]> codeKey(long campaignId) {
        return db.sql("SELECT code_key FROM fa_questionnaire_campaign WHERE id = :id").param("id", campaignId)
                .query((rs, n) -> rs.getString(1)).optional()
                .filter(hex -> hex != null)
                .map(hex -> HexFormat.of().parseHex(hex));
    }

    /**
     * Stores the hashes of newly issued codes in place of any earlier ones.
     *
     * @return false when the campaign does not take codes (closed, or shared-link mode)
     */
    boolean issueCodes(long campaignId, List<String> hashes, LocalDate day) {
        int updated = db.sql("""
                UPDATE fa_questionnaire_campaign SET codes_issued = :count, codes_issued_on = :day
                WHERE id = :id AND status = 'OPEN' AND invitation_mode = 'CODES'
                """)
                .param("count", hashes.size()).param("day", Date.valueOf(day)).param("id", campaignId)
                .update();
        if (updated == 0) {
            return false;
        }
        db.sql("DELETE FROM fa_questionnaire_code WHERE campaign_id = :id").param("id", campaignId).update();
        jdbc.batchUpdate("INSERT INTO fa_questionnaire_code (campaign_id, code_hash, used) VALUES (?, ?, FALSE)",
                hashes, 1000, (ps, hash) -> {
                    ps.setLong(1, campaignId);
                    ps.setString(2, hash);
                });
        return true;
    }

    /**
     * Marks the code used if it is unused: of two requests with the same code at the same moment,
     * the database lets exactly one change the row. The row keeps no time and no reference.
     *
     * @return true when this call used the code
     */
    public boolean useCode(long campaignId, String codeHash) {
        return db.sql("""
                UPDATE fa_questionnaire_code SET used = TRUE
                WHERE campaign_id = :id AND code_hash = :hash AND used = FALSE
                """)
                .param("id", campaignId).param("hash", codeHash)
                .update() == 1;
    }

    /**
     * Claims a shared-link campaign's one answer for a browser (by the digest of its cookie): of two claims at
     * once, on one instance or two, the key lets one in. Runs in its own statement, outside the answer's
     * transaction.
     *
     * @return false when this browser has claimed it already
     */
    public boolean claimBallot(long campaignId, String ballotHash) {
        try {
            return db.sql("""
                    INSERT INTO fa_questionnaire_ballot (campaign_id, ballot_hash)
                    SELECT :id, :hash WHERE NOT EXISTS
                        (SELECT 1 FROM fa_questionnaire_ballot WHERE campaign_id = :id AND ballot_hash = :hash)
                    """).param("id", campaignId).param("hash", ballotHash).update() == 1;
        } catch (DuplicateKeyException claimedAtTheSameMoment) {
            return false;
        }
    }

    /** Gives a claim back, when the answer was not stored after all. */
    public void releaseBallot(long campaignId, String ballotHash) {
        db.sql("DELETE FROM fa_questionnaire_ballot WHERE campaign_id = :id AND ballot_hash = :hash")
                .param("id", campaignId).param("hash", ballotHash).update();
    }

    /** Whether the code exists and was used; empty for a code this campaign never issued. */
    public Optional<Boolean> codeUsed(long campaignId, String codeHash) {
        return db.sql("SELECT used FROM fa_questionnaire_code WHERE campaign_id = :id AND code_hash = :hash")
                .param("id", campaignId).param("hash", codeHash)
                .query(Boolean.class).optional();
    }

    /**
     * Stores one submission with a random id, if the campaign is still open when the statement
     * runs (a closing that has just committed wins).
     *
     * @return false when the campaign has closed meanwhile
     */
    public boolean insertAnswer(long campaignId, LocalDate day, String profile, String answers) {
        return db.sql("""
                INSERT INTO fa_questionnaire_answer (id, campaign_id, answer_day, profile, answers)
                SELECT :uuid, id, :day, :profile, :answers FROM fa_questionnaire_campaign
                WHERE id = :id AND status = 'OPEN'
                """)
                .param("uuid", UUID.randomUUID()).param("day", Date.valueOf(day))
                .param("profile", profile).param("answers", answers).param("id", campaignId)
                .update() == 1;
    }

    public void insertTexts(long campaignId, Map<String, String> texts) {
        List<Map.Entry<String, String>> rows = new ArrayList<>(texts.entrySet());
        jdbc.batchUpdate("INSERT INTO fa_questionnaire_text (id, campaign_id, question_key, body) VALUES (?, ?, ?, ?)",
                rows, 100, (ps, row) -> {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setLong(2, campaignId);
                    ps.setString(3, row.getKey());
                    ps.setString(4, row.getValue());
                });
    }

    /** @return false when the campaign was already closed */
    boolean close(long campaignId, CloseReason reason, String by, LocalDate day) {
        return db.sql("""
                UPDATE fa_questionnaire_campaign SET status = 'CLOSED', closed_on = :day, closed_by = :by, close_reason = :reason
                WHERE id = :id AND status = 'OPEN'
                """)
                .param("day", Date.valueOf(day)).param("by", by).param("reason", reason.name()).param("id", campaignId)
                .update() == 1;
    }

    /**
     * What closing leaves behind: no code hashes and no key, and the answers and texts written
     * again, in random order, with new random ids, by this one transaction. While a campaign is
     * open the database's own bookkeeping (the order rows were written in, PostgreSQL's
     * transaction ids) follows the order of submissions; afterwards it no longer does.
     */
    void seal(long campaignId) {
        db.sql("DELETE FROM fa_questionnaire_code WHERE campaign_id = :id").param("id", campaignId).update();
        db.sql("DELETE FROM fa_questionnaire_ballot WHERE campaign_id = :id").param("id", campaignId).update();
        db.sql("UPDATE fa_questionnaire_campaign SET code_key = NULL WHERE id = :id").param("id", campaignId).update();

        List<Object[]> answers = db.sql("SELECT answer_day, profile, answers FROM fa_questionnaire_answer WHERE campaign_id = :id")
                .param("id", campaignId)
                .query((rs, n) -> new Object[] {rs.getDate(1), rs.getString(2), rs.getString(3)})
                .list();
        db.sql("DELETE FROM fa_questionnaire_answer WHERE campaign_id = :id").param("id", campaignId).update();
        Collections.shuffle(answers, SHUFFLE);
        jdbc.batchUpdate("INSERT INTO fa_questionnaire_answer (id, campaign_id, answer_day, profile, answers) VALUES (?, ?, ?, ?, ?)",
                answers, 1000, (ps, a) -> {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setLong(2, campaignId);
                    ps.setDate(3, (Date) a[0]);
                    ps.setString(4, (String) a[1]);
                    ps.setString(5, (String) a[2]);
                });

        List<String[]> texts = db.sql("SELECT question_key, body FROM fa_questionnaire_text WHERE campaign_id = :id")
                .param("id", campaignId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        db.sql("DELETE FROM fa_questionnaire_text WHERE campaign_id = :id").param("id", campaignId).update();
        Collections.shuffle(texts, SHUFFLE);
        jdbc.batchUpdate("INSERT INTO fa_questionnaire_text (id, campaign_id, question_key, body) VALUES (?, ?, ?, ?)",
                texts, 1000, (ps, t) -> {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setLong(2, campaignId);
                    ps.setString(3, t[0]);
                    ps.setString(4, t[1]);
                });
    }

    int answerCount(long campaignId) {
        return db.sql("SELECT COUNT(*) FROM fa_questionnaire_answer WHERE campaign_id = :id").param("id", campaignId)
                .query(Integer.class).single();
    }

    List<DayCount> answersByDay(long campaignId) {
        return db.sql("""
                SELECT answer_day, COUNT(*) FROM fa_questionnaire_answer WHERE campaign_id = :id
                GROUP BY answer_day ORDER BY answer_day
                """)
                .param("id", campaignId)
                .query((rs, n) -> new DayCount(rs.getDate(1).toLocalDate(), rs.getInt(2)))
                .list();
    }

    /** Hands every answer row (profile JSON, answers JSON) to the consumer, without keeping them. */
    public void eachAnswer(long campaignId, BiConsumer<String, String> consumer) {
        jdbc.query("SELECT profile, answers FROM fa_questionnaire_answer WHERE campaign_id = ?",
                rs -> {
                    consumer.accept(rs.getString(1), rs.getString(2));
                }, campaignId);
    }

    /** The free texts of each question, in an order that says nothing about who wrote them (alphabetical). */
    public Map<String, List<String>> texts(long campaignId) {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        db.sql("SELECT question_key, body FROM fa_questionnaire_text WHERE campaign_id = :id")
                .param("id", campaignId)
                .query(rs -> {
                    texts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        texts.values().forEach(list -> list.sort(String.CASE_INSENSITIVE_ORDER));
        return texts;
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        Date issued = rs.getDate("codes_issued_on");
        Date closed = rs.getDate("closed_on");
        String reason = rs.getString("close_reason");
        return new Campaign(rs.getLong("id"), rs.getLong("certification_id"), rs.getString("public_token"),
                rs.getDate("opens_on").toLocalDate(), rs.getDate("closes_on").toLocalDate(), rs.getInt("employees_invited"),
                InvitationMode.valueOf(rs.getString("invitation_mode")), Status.valueOf(rs.getString("status")),
                rs.getInt("codes_issued"), issued == null ? null : issued.toLocalDate(), rs.getString("opened_by"),
                rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toLocalDate(),
                rs.getString("closed_by"), reason == null ? null : CloseReason.valueOf(reason));
    }
}
