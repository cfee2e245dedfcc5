package it.familyaudit.workflow.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** {@code fa_attachment}: rows are added, never changed or removed. Lists never read the content. */
@Repository
class AttachmentRepository {

    private static final String COLUMNS = """
            id, certification_id, kind, round_no, action_code, version_no, file_name, media_type, size_bytes,
            sha256, uploaded_by, uploaded_at""";

    private final JdbcClient db;

    AttachmentRepository(JdbcClient db) {
        this.db = db;
    }

    /**
     * The number the next version of this series takes. Two uploads of a series at once may both
     * read the same number: the unique key lets one of them in, and the other tries again.
     */
    int nextVersion(long certificationId, AttachmentKind kind, Integer roundNo, String actionCode) {
        // NULL means "no year" and "no action": compared as 0 and '' so that NULL meets NULL.
        return db.sql("""
                SELECT COALESCE(MAX(version_no), 0) + 1 FROM fa_attachment
                WHERE certification_id = :certification AND kind = :kind
                  AND COALESCE(round_no, 0) = :round AND COALESCE(action_code, '') = :action
                """)
                .param("certification", certificationId)
                .param("kind", kind.name())
                .param("round", roundNo == null ? 0 : roundNo)
                .param("action", actionCode == null ? "" : actionCode)
                .query(Integer.class).single();
    }

    /** @return the new row's id */
    long insert(AttachmentView a, byte[] content) {
        KeyHolder keys = new GeneratedKeyHolder();
        db.sql("""
                INSERT INTO fa_attachment (certification_id, kind, round_no, action_code, version_no, file_name,
                    media_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                VALUES (:certification, :kind, :round, :action, :version, :name, :type, :size, :sha256, :content,
                    :by, :at)
                """)
                .param("certification", a.certificationId())
                .param("kind", a.kind().name())
                .param("round", a.roundNo(), Types.INTEGER)
                .param("action", a.actionCode(), Types.VARCHAR)
                .param("version", a.versionNo())
                .param("name", a.fileName())
                .param("type", a.mediaType())
                .param("size", a.sizeBytes())
                .param("sha256", a.sha256())
                .param("content", content)
                .param("by", a.uploadedBy())
                .param("at", Timestamp.from(a.uploadedAt()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Every version of every file of a certification, in no particular order. */
    List<AttachmentView> ofCertification(long certificationId) {
        return db.sql("SELECT " + COLUMNS + " FROM fa_attachment WHERE certification_id = :certification")
                .param("certification", certificationId)
                .query(AttachmentRepository::view)
                .list();
    }

    Optional<AttachmentView> find(long certificationId, long id) {
        return db.sql("SELECT " + COLUMNS + " FROM fa_attachment WHERE id = :id AND certification_id = :certification")
                .param("id", id)
                .param("certification", certificationId)
                .query(AttachmentRepository::view)
                .optional();
    }

    byte[] content(long id) {
        return db.sql("SELECT content FROM fa_attachment WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .single();
    }

    private static AttachmentView view(ResultSet rs, int row) throws SQLException {
        return new AttachmentView(rs.getLong("id"), rs.getLong("certification_id"),
                AttachmentKind.valueOf(rs.getString("kind")), rs.getObject("round_no", Integer.class),
                rs.getString("action_code"), rs.getInt("version_no"), rs.getString("file_name"),
                rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
