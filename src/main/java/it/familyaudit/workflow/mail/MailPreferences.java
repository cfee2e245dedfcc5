package it.familyaudit.workflow.mail;

import it.familyaudit.workflow.engine.EngineTime;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code fa_mail_preference} table: a person without a row has {@link MailPreference#defaults}. */
@Repository
public class MailPreferences {

    private final JdbcClient db;

    MailPreferences(JdbcClient db) {
        this.db = db;
    }

    public MailPreference of(String userId) {
        return of(List.of(userId)).get(userId);
    }

    /** Every one of these users, with the defaults for those who chose nothing. */
    Map<String, MailPreference> of(Collection<String> userIds) {
        Map<String, MailPreference> found = new HashMap<>();
        if (!userIds.isEmpty()) {
            db.sql("""
                    SELECT user_id, digest, language, news, escalations FROM fa_mail_preference
                    WHERE user_id IN (:ids)
                    """).param("ids", userIds).query((rs, n) -> new MailPreference(rs.getString(1), rs.getBoolean(2),
                            rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)))
                    .list().forEach(p -> found.put(p.userId(), p));
        }
        userIds.forEach(id -> found.putIfAbsent(id, MailPreference.defaults(id)));
        return found;
    }

    /**
     * Callers validate first; the last save wins. Each statement commits on its own: a first save sent twice
     * at once inserts once, and the other, refused by the key, updates the row instead.
     */
    public void save(MailPreference p) {
        if (update(p) == 0) {
            try {
                db.sql("""
                        INSERT INTO fa_mail_preference (user_id, digest, language, news, escalations, updated_at)
                        VALUES (:user, :digest, :language, :news, :escalations, :at)
                        """).params(params(p)).update();
            } catch (DuplicateKeyException inserted) {
                update(p);
            }
        }
    }

    private int update(MailPreference p) {
        return db.sql("""
                UPDATE fa_mail_preference SET digest = :digest, language = :language, news = :news,
                       escalations = :escalations, updated_at = :at
                WHERE user_id = :user
                """).params(params(p)).update();
    }

    private static Map<String, Object> params(MailPreference p) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", p.userId());
        params.put("digest", p.digest());
        params.put("language", p.language());
        params.put("news", p.news());
        params.put("escalations", p.escalations());
        params.put("at", Timestamp.from(EngineTime.now()));
        return params;
    }
}
