package it.familyaudit.workflow.mail;

import it.familyaudit.workflow.engine.EngineTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code fa_mail_outbox} table. Mails are written in the caller's transaction and drained by
 * {@link MailSender}: claimed a batch at a time with {@code FOR UPDATE SKIP LOCKED}, so two nodes never claim
 * the same mail, and each claim expires, so a node that dies mid-send frees what it held.
 */
@Repository
public class Outbox {

    /** A mail to write: its status is PENDING, HELD for a digest, or FAILED when there is no address. */
    record Entry(String key, NoticeKind kind, Long certificationId, String taskId, String recipientId,
                 String recipientName, String address, String language, String subject, String params, String status,
                 String error) {
    }

    private static final int[] ENTRY_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR,
            Types.TIMESTAMP, Types.VARCHAR};

    private final JdbcClient db;
    private final JdbcTemplate jdbc;

    Outbox(JdbcClient db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /**
     * Writes the mails whose key is not in the outbox yet, in one batch; a key already there (the same event
     * for the same person) is left as it is.
     *
     * @return how many were written
     */
    int add(List<Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(EngineTime.now());
        List<Object[]> rows = new ArrayList<>();
        for (Entry e : entries) {
            rows.add(new Object[] {e.key(), e.kind().name(), e.certificationId(), e.taskId(), e.recipientId(),
                    e.recipientName(), e.address(), e.language(), e.subject(), e.params(), e.status(), now, e.error(), now, e.key()});
        }
        int[] written = jdbc.batchUpdate("""
                INSERT INTO fa_mail_outbox (idem_key, kind, certification_id, task_id, recipient_id, recipient_name, address,
                                            language,
                                            subject, params, status, next_attempt_at, last_error, created_at)
                SELECT CAST(? AS VARCHAR(300)), CAST(? AS VARCHAR(40)), CAST(? AS BIGINT), CAST(? AS VARCHAR(64)),
                       CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(5)), CAST(? AS VARCHAR(500)),
                       CAST(? AS TEXT), CAST(? AS VARCHAR(12)), CAST(? AS TIMESTAMP), CAST(? AS VARCHAR(1000)),
                       CAST(? AS TIMESTAMP)
                WHERE NOT EXISTS (SELECT 1 FROM fa_mail_outbox WHERE idem_key = ?)
                """, rows, ENTRY_TYPES);
        int count = 0;
        for (int w : written) {
            count += w < 0 ? 1 : w; // a driver may answer "done, count unknown"
        }
        return count;
    }

    /**
     * Claims up to {@code limit} mails due now (and those whose earlier claim ran out), in the caller's
     * transaction: rows another node holds are skipped, not waited for.
     */
    List<OutboxMail> claim(Instant now, int limit, Instant until) {
        List<Long> ids = db.sql("""
                SELECT id FROM fa_mail_outbox
                WHERE (status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND claimed_until < :now)
                ORDER BY id
                FETCH FIRST :limit ROWS ONLY
                FOR UPDATE SKIP LOCKED
                """).param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        db.sql("""
                UPDATE fa_mail_outbox SET status = 'SENDING', claimed_until = :until, attempts = attempts + 1
                WHERE id IN (:ids)
                """).param("until", Timestamp.from(until)).param("ids", ids).update();
        return byIds(ids);
    }

    /** Guarded: only a mail this sender still holds is marked. */
    void sent(long id, String status) {
        db.sql("""
                UPDATE fa_mail_outbox SET status = :status, sent_at = :at, claimed_until = NULL, last_error = NULL
                WHERE id = :id AND status = 'SENDING'
                """).param("status", status).param("at", Timestamp.from(EngineTime.now())).param("id", id).update();
    }

    /** Tried again at {@code next}, or given up when {@code next} is {@code null}. */
    void failed(long id, String error, Instant next) {
        db.sql("""
                UPDATE fa_mail_outbox SET status = :status, next_attempt_at = COALESCE(:next, next_attempt_at),
                       claimed_until = NULL, last_error = :error
                WHERE id = :id AND status = 'SENDING'
                """).param("status", next == null ? "FAILED" : "PENDING")
                .param("next", next == null ? null : Timestamp.from(next), Types.TIMESTAMP)
                .param("error", error.length() > 1000 ? error.substring(0, 997) + "..." : error)
                .param("id", id).update();
    }

    /**
     * Sends a mail again, whatever became of it, as the agency asks: guarded, a mail being sent right now is
     * left to its sender.
     */
    public boolean resend(long id, String by) {
        return db.sql("""
                UPDATE fa_mail_outbox SET status = 'PENDING', next_attempt_at = :now, attempts = 0, last_error = NULL,
                       claimed_until = NULL, resent_by = :by, resends = resends + 1
                WHERE id = :id AND status <> 'SENDING' AND status <> 'HELD' AND address IS NOT NULL
                """).param("now", Timestamp.from(EngineTime.now())).param("by", by).param("id", id).update() == 1;
    }

    public Optional<OutboxMail> byId(long id) {
        return byIds(List.of(id)).stream().findFirst();
    }

    List<OutboxMail> byIds(Collection<Long> ids) {
        return db.sql(SELECT + " WHERE id IN (:ids) ORDER BY id").param("ids", ids).query(Outbox::map).list();
    }

    /** The newest first, for the agency's page; {@code status} {@code null} for all. */
    public List<OutboxMail> latest(String status, int offset, int limit) {
        return db.sql(SELECT + """
                 WHERE (CAST(:status AS VARCHAR(12)) IS NULL OR status = :status)
                ORDER BY id DESC OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY
                """).param("status", status, Types.VARCHAR).param("offset", offset).param("limit", limit)
                .query(Outbox::map).list();
    }

    public int count(String status) {
        return db.sql("SELECT COUNT(*) FROM fa_mail_outbox WHERE (CAST(:status AS VARCHAR(12)) IS NULL OR status = :status)")
                .param("status", status, Types.VARCHAR).query(Integer.class).single();
    }

    /** Mails waiting to be sent now or later (the backlog an operator watches). */
    public int backlog() {
        return db.sql("SELECT COUNT(*) FROM fa_mail_outbox WHERE status IN ('PENDING', 'SENDING')")
                .query(Integer.class).single();
    }

    /** The mails held for a person's digest, written before {@code before}. */
    List<OutboxMail> held(String recipientId, Instant before) {
        return db.sql(SELECT + " WHERE recipient_id = :user AND status = 'HELD' AND created_at < :before ORDER BY id")
                .param("user", recipientId).param("before", Timestamp.from(before)).query(Outbox::map).list();
    }

    /** Whoever has mails held for a digest written before {@code before}. */
    List<String> holders(Instant before) {
        return db.sql("""
                SELECT DISTINCT recipient_id FROM fa_mail_outbox WHERE status = 'HELD' AND created_at < :before
                ORDER BY recipient_id
                """).param("before", Timestamp.from(before)).query(String.class).list();
    }

    /** Guarded: only mails still held are gathered into the digest. */
    int digested(Collection<Long> ids, long digestId) {
        return db.sql("""
                UPDATE fa_mail_outbox SET status = 'DIGESTED', digest_id = :digest, sent_at = :at
                WHERE id IN (:ids) AND status = 'HELD'
                """).param("digest", digestId).param("at", Timestamp.from(EngineTime.now())).param("ids", ids).update();
    }

    Optional<Long> idOf(String key) {
        return db.sql("SELECT id FROM fa_mail_outbox WHERE idem_key = :key").param("key", key).query(Long.class)
                .optional();
    }

    private static final String SELECT = """
            SELECT id, idem_key, kind, certification_id, task_id, recipient_id, recipient_name, address, language, subject, params,
                   status, attempts, next_attempt_at, last_error, digest_id, created_at, sent_at, resent_by, resends
            FROM fa_mail_outbox""";

    private static OutboxMail map(ResultSet rs, int n) throws SQLException {
        long cert = rs.getLong("certification_id");
        Long certificationId = rs.wasNull() ? null : cert;
        long digest = rs.getLong("digest_id");
        Long digestId = rs.wasNull() ? null : digest;
        return new OutboxMail(rs.getLong("id"), rs.getString("idem_key"), NoticeKind.valueOf(rs.getString("kind")),
                certificationId, rs.getString("task_id"), rs.getString("recipient_id"), rs.getString("recipient_name"),
                rs.getString("address"),
                rs.getString("language"), rs.getString("subject"), rs.getString("params"), rs.getString("status"),
                rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
                digestId, instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")),
                rs.getString("resent_by"), rs.getInt("resends"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
