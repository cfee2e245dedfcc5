package it.familyaudit.workflow.audit;

import it.familyaudit.workflow.engine.EngineAccess;
import it.familyaudit.workflow.engine.EngineTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit trail. Callers write in their own transaction, so an event exists exactly
 * when the change it records was committed; nothing here updates or deletes a row.
 */
@Repository
public class AuditTrail {

    static final int MAX_DETAIL = 2000;
    private static final int MAX_SUBJECT = 255;

    private final JdbcClient db;
    private final CertificationOrganizations organizations;

    AuditTrail(JdbcClient db, CertificationOrganizations organizations) {
        this.db = db;
        this.organizations = organizations;
    }

    /**
     * An event by whoever the engine command runs for ({@code system} outside any). The
     * organisation, when not given, is the certification's ({@link CertificationOrganizations}).
     */
    public void record(AuditAction action, Long certificationId, String organizationCode, String subject, String detail) {
        record(EngineAccess.currentActor(), action, certificationId, organizationCode, subject, detail);
    }

    public void record(String actor, AuditAction action, Long certificationId, String organizationCode, String subject,
                       String detail) {
        db.sql("""
                INSERT INTO fa_audit_event (occurred_at, actor, action, certification_id, organization_code, subject, detail)
                VALUES (:at, :actor, :action, :certification, :organization, :subject, :detail)
                """)
                .param("at", Timestamp.from(EngineTime.now()))
                .param("actor", cut(actor == null || actor.isBlank() ? "anonymous" : actor, MAX_SUBJECT))
                .param("action", action.name())
                .param("certification", certificationId)
                .param("organization", organizationCode != null || certificationId == null ? organizationCode
                        : organizations.codeOf(certificationId).orElse(null))
                .param("subject", cut(subject, MAX_SUBJECT))
                .param("detail", cut(detail, MAX_DETAIL))
                .update();
    }

    /** A certification's events, oldest first; the certification's organisation is on every one. */
    public List<AuditEvent> ofCertification(long certificationId) {
        return db.sql("SELECT * FROM fa_audit_event WHERE certification_id = :id ORDER BY id")
                .param("id", certificationId)
                .query(AuditTrail::event)
                .list();
    }

    /** Every event in [from, to), oldest first, at most {@code limit}. */
    public List<AuditEvent> between(Instant from, Instant to, long afterId, int limit) {
        return db.sql("""
                SELECT * FROM fa_audit_event
                WHERE occurred_at >= :from AND occurred_at < :to AND id > :after
                ORDER BY id
                FETCH FIRST :limit ROWS ONLY
                """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("after", afterId)
                .param("limit", limit)
                .query(AuditTrail::event)
                .list();
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        Long certification = rs.getObject("certification_id", Long.class);
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")), certification,
                rs.getString("organization_code"), rs.getString("subject"), rs.getString("detail"));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
