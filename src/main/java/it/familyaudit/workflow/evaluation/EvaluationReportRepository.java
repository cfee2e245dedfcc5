package it.familyaudit.workflow.evaluation;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.tasks.FormValues;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The evaluators' reports: written once when the visit task completes, then only read. */
@Repository
class EvaluationReportRepository {

    private final JdbcClient db;

    EvaluationReportRepository(JdbcClient db) {
        this.db = db;
    }

    void add(long certificationId, FormValues v, String evaluator) {
        db.sql("""
                INSERT INTO fa_evaluation_report (certification_id, visit_date, findings, report_text, outcome,
                                                  integration_requests, evaluator_user_id, submitted_at)
                VALUES (:cert, :visit, :findings, :report, :outcome, :integration, :evaluator, :at)
                """)
                .param("cert", certificationId)
                .param("visit", Date.valueOf(v.date("visitDate")))
                .param("findings", v.text("findings"))
                .param("report", v.text("reportText"))
                .param("outcome", v.text("evaluationOutcome"))
                .param("integration", v.text("integrationRequests"))
                .param("evaluator", evaluator)
                .param("at", Timestamp.from(EngineTime.now()))
                .update();
    }

    /** Every report of the certification, the oldest first (an integration requested brings a later one). */
    List<EvaluationReport> of(long certificationId) {
        return db.sql("""
                SELECT id, visit_date, findings, report_text, outcome, integration_requests, evaluator_user_id,
                       submitted_at
                FROM fa_evaluation_report WHERE certification_id = :cert ORDER BY submitted_at, id
                """)
                .param("cert", certificationId)
                .query(EvaluationReportRepository::report)
                .list();
    }

    /** The report, if it is one of this certification's. */
    Optional<EvaluationReport> one(long certificationId, long reportId) {
        return db.sql("""
                SELECT id, visit_date, findings, report_text, outcome, integration_requests, evaluator_user_id,
                       submitted_at
                FROM fa_evaluation_report WHERE id = :id AND certification_id = :cert
                """)
                .param("id", reportId)
                .param("cert", certificationId)
                .query(EvaluationReportRepository::report)
                .optional();
    }

    private static EvaluationReport report(ResultSet rs, int row) throws SQLException {
        return new EvaluationReport(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                EvaluationOutcome.of(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
