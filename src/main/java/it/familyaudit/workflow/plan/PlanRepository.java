package it.familyaudit.workflow.plan;

import it.familyaudit.workflow.engine.EngineTime;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PlanRepository {

    private final JdbcClient db;

    PlanRepository(JdbcClient db) {
        this.db = db;
    }

    void submit(long certificationId, String title, String summary, int actions, String body, String changeNote,
                String by) {
        db.sql("""
                INSERT INTO fa_plan_version (certification_id, version_no, status, title, summary, actions_count, body,
                                             change_note, submitted_by, submitted_at)
                SELECT :cert, COALESCE(MAX(version_no), 0) + 1, 'SUBMITTED', :title, :summary, :actions, :body,
                       :note, :by, :at
                FROM fa_plan_version WHERE certification_id = :cert
                """)
                .param("cert", certificationId).param("title", title).param("summary", summary)
                .param("actions", actions).param("body", body).param("note", changeNote).param("by", by)
                .param("at", Timestamp.from(EngineTime.now()))
                .update();
    }

    /** The version waiting for management's decision. */
    Optional<PlanVersion> submitted(long certificationId) {
        return db.sql(SELECT + " WHERE certification_id = :cert AND status = 'SUBMITTED' ORDER BY version_no DESC")
                .param("cert", certificationId).query(PlanRepository::map).optional();
    }

    public List<PlanVersion> versions(long certificationId) {
        return db.sql(SELECT + " WHERE certification_id = :cert ORDER BY version_no")
                .param("cert", certificationId).query(PlanRepository::map).list();
    }

    /** Guarded: only a submitted version can be decided, and only once. */
    boolean decide(long versionId, PlanStatus decision, String by, String note, String signatory, String signatoryRole) {
        return db.sql("""
                UPDATE fa_plan_version SET status = :status, decided_by = :by, decided_at = :at, decision_note = :note,
                       signatory_name = :signatory, signatory_role = :role
                WHERE id = :id AND status = 'SUBMITTED'
                """)
                .param("status", decision.name()).param("by", by).param("at", Timestamp.from(EngineTime.now()))
                .param("note", note).param("signatory", signatory).param("role", signatoryRole).param("id", versionId)
                .update() == 1;
    }

    private static final String SELECT = """
            SELECT id, certification_id, version_no, status, title, summary, actions_count, change_note, submitted_by,
                   submitted_at, decided_by, decided_at, decision_note
            FROM fa_plan_version""";

    private static PlanVersion map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new PlanVersion(rs.getLong("id"), rs.getLong("certification_id"), rs.getInt("version_no"),
                PlanStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("summary"),
                rs.getInt("actions_count"), rs.getString("change_note"), rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_note"));
    }
}
