package it.familyaudit.workflow.certificate;

import it.familyaudit.workflow.engine.EngineTime;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The register of certificates and the yearly counter behind their numbers. */
@Repository
public class CertificateRepository {

    private static final String SELECT = """
            SELECT id, certification_id, kind, number, issue_date, verification_code, status FROM fa_certificate""";

    private final JdbcClient db;
    /** A savepoint inside the issuing transaction: a failed insert must not abort the issue. */
    private final TransactionTemplate firstOfTheYear;

    CertificateRepository(JdbcClient db, PlatformTransactionManager transactions) {
        this.db = db;
        this.firstOfTheYear = new TransactionTemplate(transactions);
        this.firstOfTheYear.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public Optional<Certificate> find(long certificationId, String kind) {
        return db.sql(SELECT + " WHERE certification_id = :cert AND kind = :kind")
                .param("cert", certificationId).param("kind", kind)
                .query(CertificateRepository::map)
                .optional();
    }

    /** The whole register, the latest first. */
    public List<Certificate> all() {
        return db.sql(SELECT + " ORDER BY issue_date DESC, id DESC").query(CertificateRepository::map).list();
    }

    public Optional<Certificate> byVerificationCode(String code) {
        return db.sql(SELECT + " WHERE verification_code = :code").param("code", code)
                .query(CertificateRepository::map).optional();
    }

    public Optional<Certificate> byId(long id) {
        return db.sql(SELECT + " WHERE id = :id").param("id", id).query(CertificateRepository::map).optional();
    }

    /**
     * The valid Family Audit Executive issued by one of these certifications (an organisation's
     * cycles), the latest if ever more than one.
     */
    public Optional<Certificate> validExecutive(Collection<Long> certificationIds) {
        if (certificationIds.isEmpty()) {
            return Optional.empty();
        }
        return db.sql(SELECT + " WHERE kind = 'EXECUTIVE' AND status = 'VALID' AND certification_id IN (:certs)"
                        + " ORDER BY issue_date DESC, id DESC")
                .param("certs", certificationIds).query(CertificateRepository::map).list().stream().findFirst();
    }

    /** Guarded: only a valid certificate is revoked; false when it was not valid (any more). */
    public boolean revoke(long id) {
        return db.sql("UPDATE fa_certificate SET status = 'REVOKED' WHERE id = :id AND status = 'VALID'")
                .param("id", id).update() == 1;
    }

    private static Certificate map(ResultSet rs, int n) throws SQLException {
        return new Certificate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7));
    }

    /**
     * The next number of the year, without gaps. The row lock taken by the UPDATE serialises
     * concurrent issues until they commit. The year's first issue makes the row; when two first
     * issues meet, the later insert waits for the earlier one's commit and then fails on the key:
     * it is undone alone, back to a savepoint, and the issue counts on the row the other made.
     */
    int nextNumber(int year) {
        if (increment(year) == 0) {
            try {
                firstOfTheYear.executeWithoutResult(tx -> db.sql(
                                "INSERT INTO fa_certificate_counter (counter_year, last_value) VALUES (:year, 0)")
                        .param("year", year).update());
            } catch (DuplicateKeyException madeByAConcurrentIssue) {
                // the row is there now: count on it
            }
            increment(year);
        }
        return db.sql("SELECT last_value FROM fa_certificate_counter WHERE counter_year = :year")
                .param("year", year).query(Integer.class).single();
    }

    private int increment(int year) {
        return db.sql("UPDATE fa_certificate_counter SET last_value = last_value + 1 WHERE counter_year = :year")
                .param("year", year).update();
    }

    void insert(long certificationId, String kind, String number, LocalDate issueDate, String verificationCode) {
        db.sql("""
                INSERT INTO fa_certificate (certification_id, kind, number, issue_date, verification_code, status, issued_at)
                VALUES (:cert, :kind, :number, :date, :code, 'VALID', :at)
                """)
                .param("cert", certificationId).param("kind", kind).param("number", number)
                .param("date", Date.valueOf(issueDate)).param("code", verificationCode)
                .param("at", Timestamp.from(EngineTime.now()))
                .update();
    }
}
