package it.familyaudit.workflow.accounts;

import it.familyaudit.workflow.accounts.PasswordLink.Purpose;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of password links, {@code fa_password_token}: hashes of tokens, never tokens. */
@Repository
class PasswordTokenRepository {

    private final JdbcClient db;

    PasswordTokenRepository(JdbcClient db) {
        this.db = db;
    }

    void insert(String tokenHash, String userId, Purpose purpose, Instant createdAt, Instant expiresAt) {
        db.sql("""
                INSERT INTO fa_password_token (token_hash, user_id, purpose, created_at, expires_at)
                VALUES (:hash, :user, :purpose, :created, :expires)
                """)
                .param("hash", tokenHash)
                .param("user", userId)
                .param("purpose", purpose.name())
                .param("created", Timestamp.from(createdAt))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** Deletes the user's links that were never used, expired or not: only the newest one may work. */
    int deleteUnused(String userId) {
        return db.sql("DELETE FROM fa_password_token WHERE user_id = :user AND used_at IS NULL")
                .param("user", userId)
                .update();
    }

    /** Whom a link is for and why. */
    record Holder(String userId, Purpose purpose) {
    }

    /** Whom a link is for, while it is unused and not expired at {@code now}. */
    Optional<Holder> holder(String tokenHash, Instant now) {
        return db.sql("""
                SELECT user_id, purpose FROM fa_password_token
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                """)
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Holder(rs.getString("user_id"), Purpose.valueOf(rs.getString("purpose"))))
                .optional();
    }

    /**
     * Marks the link used if it still may be: one statement, so that of two uses at the same
     * moment one alone wins (the other waits for the row, then finds it used).
     *
     * @return whether this call used it
     */
    boolean use(String tokenHash, Instant now) {
        return db.sql("""
                UPDATE fa_password_token SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                """)
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }
}
