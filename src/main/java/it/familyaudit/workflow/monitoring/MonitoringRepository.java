package it.familyaudit.workflow.monitoring;

import it.familyaudit.workflow.engine.EngineTime;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The monitoring rounds and everything they record: the reported actions and indicator values,
 * management's reviews, the evaluator's audits, the decision table's recommendations and the council's
 * decisions. Each step moves a round from the states it allows, and refuses, naming the round's state,
 * a step the state does not allow.
 */
@Repository
public class MonitoringRepository {

    private static final String COLUMNS = """
            SELECT id, certification_id, round_no, process_instance_id, certificate_id, status, opens_on, report_due,
                   opened_at, plan_version_id, compiled_by, first_submitted_at, submitted_at, report_on_time, notes,
                   approved_by, approved_at, actions_due, actions_done, done_share, late_unexplained_share,
                   recommendation, recommendation_reason, decision, decided_at, corrective_deadline, closed_at
            FROM fa_monitoring_round""";

    private final JdbcClient db;
    private final JdbcTemplate jdbc;

    MonitoringRepository(JdbcClient db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /**
     * Creates the round once; run again (a retried job), it finds the round already there. The
     * certification must exist (the table's foreign key refuses any other).
     */
    MonitoringRound schedule(long certificationId, int roundNo, String processInstanceId, long certificateId,
                             LocalDate opensOn, LocalDate reportDue) {
        db.sql("""
                INSERT INTO fa_monitoring_round (certification_id, round_no, process_instance_id, certificate_id, status,
                                                 opens_on, report_due)
                SELECT :cert, :no, :pi, :certificate, 'SCHEDULED', :opens, :due
                WHERE NOT EXISTS (SELECT 1 FROM fa_monitoring_round WHERE certification_id = :cert AND round_no = :no)
                """)
                .param("cert", certificationId).param("no", roundNo).param("pi", processInstanceId)
                .param("certificate", certificateId).param("opens", Date.valueOf(opensOn))
                .param("due", Date.valueOf(reportDue))
                .update();
        return round(certificationId, roundNo).orElseThrow();
    }

    public Optional<MonitoringRound> round(long certificationId, int roundNo) {
        return db.sql(COLUMNS + " WHERE certification_id = :cert AND round_no = :no")
                .param("cert", certificationId).param("no", roundNo).query(MonitoringRepository::map).optional();
    }

    public Optional<MonitoringRound> byProcessInstance(String processInstanceId) {
        return db.sql(COLUMNS + " WHERE process_instance_id = :pi")
                .param("pi", processInstanceId).query(MonitoringRepository::map).optional();
    }

    /** The latest round of the certification: the one under way, or the last one closed. */
    public Optional<MonitoringRound> current(long certificationId) {
        return db.sql(COLUMNS + " WHERE certification_id = :cert ORDER BY round_no DESC")
                .param("cert", certificationId).query(MonitoringRepository::map).list().stream().findFirst();
    }

    public List<MonitoringRound> rounds(long certificationId) {
        return db.sql(COLUMNS + " WHERE certification_id = :cert ORDER BY round_no")
                .param("cert", certificationId).query(MonitoringRepository::map).list();
    }

    /** Opens the round with the actions it reports on. Guarded: only a scheduled round opens. */
    boolean open(long roundId, Long planVersionId, List<ReportedAction> actions) {
        int opened = db.sql("""
                UPDATE fa_monitoring_round SET status = 'OPEN', opened_at = :at, plan_version_id = :plan
                WHERE id = :id AND status = 'SCHEDULED'
                """).param("at", now()).param("plan", planVersionId).param("id", roundId).update();
        if (opened == 0) {
            return false;
        }
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> indicators = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            ReportedAction a = actions.get(i);
            rows.add(new Object[] {roundId, a.code(), i, a.title(), a.fieldCode(), years(a.planYears()),
                    a.deadline() == null ? null : Date.valueOf(a.deadline()), a.budget(), a.carriedOver(), a.due()});
            for (IndicatorValue k : a.indicators()) {
                indicators.add(new Object[] {roundId, a.code(), k.indicatorNo(), k.name(), k.unit(), k.baseline(),
                        k.target()});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO fa_monitoring_action (round_id, action_code, position, title, field_code, plan_years, deadline,
                                                  budget_amount, carried_over, due)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        jdbc.batchUpdate("""
                INSERT INTO fa_monitoring_indicator (round_id, action_code, indicator_no, name, unit, baseline, target)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, indicators);
        return true;
    }

    /** The actions the round reports on, in the plan's order, with their indicators. */
    public List<ReportedAction> actions(long roundId) {
        Map<String, List<IndicatorValue>> indicators = new HashMap<>();
        db.sql("""
                SELECT action_code, indicator_no, name, unit, baseline, target, measured FROM fa_monitoring_indicator
                WHERE round_id = :id ORDER BY action_code, indicator_no
                """).param("id", roundId).query((RowCallbackHandler) rs -> indicators
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new IndicatorValue(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7))));
        return db.sql("""
                SELECT action_code, title, field_code, plan_years, deadline, budget_amount, carried_over, due, state,
                       reason, new_deadline
                FROM fa_monitoring_action WHERE round_id = :id ORDER BY position
                """).param("id", roundId).query((rs, n) -> new ReportedAction(rs.getString(1), rs.getString(2),
                        rs.getString(3), years(rs.getString(4)), date(rs.getDate(5)), rs.getBigDecimal(6),
                        rs.getBoolean(7), rs.getBoolean(8), state(rs.getString(9)), rs.getString(10),
                        date(rs.getDate(11)), indicators.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    /** The state each action had in the latest round before {@code roundNo} that reported it. */
    Map<String, ActionState> lastStates(long certificationId, int roundNo) {
        Map<String, ActionState> states = new HashMap<>();
        db.sql("""
                SELECT a.action_code, a.state FROM fa_monitoring_action a
                JOIN fa_monitoring_round r ON r.id = a.round_id
                WHERE r.certification_id = :cert AND r.round_no < :no AND a.state IS NOT NULL
                ORDER BY r.round_no
                """).param("cert", certificationId).param("no", roundNo)
                .query((RowCallbackHandler) rs -> states.put(rs.getString(1), ActionState.valueOf(rs.getString(2))));
        return states;
    }

    /** What one row of the report says of an action. */
    record ActionReport(String code, ActionState state, String reason, LocalDate newDeadline) {
    }

    /** A measured value: action, indicator number, value ({@code null} clears it). */
    record Measurement(String code, int indicatorNo, BigDecimal measured) {
    }

    /**
     * The referent submits the report. Guarded: only an open round (new, or sent back) takes it. The
     * first submission decides whether the report came in on time.
     */
    void submitReport(long roundId, List<ActionReport> reports, List<Measurement> measurements, String notes, String by,
                      boolean onTime) {
        guard(db.sql("""
                UPDATE fa_monitoring_round SET status = 'SUBMITTED', compiled_by = :by, submitted_at = :at,
                       first_submitted_at = COALESCE(first_submitted_at, :at),
                       report_on_time = COALESCE(report_on_time, :onTime), notes = :notes
                WHERE id = :id AND status = 'OPEN'
                """).param("by", by).param("at", now()).param("onTime", onTime).param("notes", notes)
                .param("id", roundId).update(), roundId, "ricevere il rapporto");
        saveStates(roundId, reports);
        jdbc.batchUpdate("""
                UPDATE fa_monitoring_indicator SET measured = ? WHERE round_id = ? AND action_code = ? AND indicator_no = ?
                """, measurements.stream().map(m -> new Object[] {m.measured(), roundId, m.code(), m.indicatorNo()})
                .toList());
    }

    void saveStates(long roundId, List<ActionReport> reports) {
        jdbc.batchUpdate("""
                UPDATE fa_monitoring_action SET state = ?, reason = ?, new_deadline = ? WHERE round_id = ? AND action_code = ?
                """, reports.stream().map(r -> new Object[] {r.state().name(), r.reason(),
                r.newDeadline() == null ? null : Date.valueOf(r.newDeadline()), roundId, r.code()}).toList());
    }

    /** Management approves the report or sends it back to the referent. Guarded: a submitted report only. */
    void review(long roundId, boolean approved, String note, String by) {
        var update = approved
                ? db.sql("""
                        UPDATE fa_monitoring_round SET status = 'APPROVED', approved_by = :by, approved_at = :at
                        WHERE id = :id AND status = 'SUBMITTED'
                        """).param("by", by).param("at", now())
                : db.sql("UPDATE fa_monitoring_round SET status = 'OPEN' WHERE id = :id AND status = 'SUBMITTED'");
        guard(update.param("id", roundId).update(), roundId, "ricevere la revisione del rapporto");
        db.sql("""
                INSERT INTO fa_monitoring_review (round_id, decision, note, reviewed_by, reviewed_at)
                VALUES (:round, :decision, :note, :by, :at)
                """).param("round", roundId).param("decision", approved ? "approve" : "changes").param("note", note)
                .param("by", by).param("at", now()).update();
    }

    /** The evaluator's audit. Guarded: an approved report (also after corrective measures). */
    void audit(long roundId, LocalDate auditDate, String findings, String recommendation, String remarks, String by) {
        guard(db.sql("UPDATE fa_monitoring_round SET status = 'AUDITED' WHERE id = :id AND status = 'APPROVED'")
                .param("id", roundId).update(), roundId, "ricevere la verifica del valutatore");
        db.sql("""
                INSERT INTO fa_monitoring_audit (round_id, audit_date, findings, recommendation, remarks, evaluator,
                                                 submitted_at)
                VALUES (:round, :date, :findings, :recommendation, :remarks, :by, :at)
                """).param("round", roundId).param("date", Date.valueOf(auditDate)).param("findings", findings)
                .param("recommendation", recommendation).param("remarks", remarks).param("by", by).param("at", now())
                .update();
    }

    /** The evaluator's latest recommendation, if any. */
    public Optional<String> evaluatorRecommendation(long roundId) {
        return db.sql("SELECT recommendation FROM fa_monitoring_audit WHERE round_id = :id ORDER BY id DESC")
                .param("id", roundId).query(String.class).list().stream().findFirst();
    }

    /** The decision table's reading of the report, kept with the round and in the history of evaluations. */
    void recommend(long roundId, int due, int done, BigDecimal doneShare, BigDecimal lateShare, boolean onTime,
                   String recommendation, String reason) {
        db.sql("""
                UPDATE fa_monitoring_round SET actions_due = :due, actions_done = :done, done_share = :doneShare,
                       late_unexplained_share = :lateShare, recommendation = :rec, recommendation_reason = :reason
                WHERE id = :id
                """).param("due", due).param("done", done).param("doneShare", doneShare).param("lateShare", lateShare)
                .param("rec", recommendation).param("reason", reason).param("id", roundId).update();
        db.sql("""
                INSERT INTO fa_monitoring_recommendation (round_id, done_share, late_unexplained_share, report_on_time,
                                                          recommendation, reason, evaluated_at)
                VALUES (:round, :doneShare, :lateShare, :onTime, :rec, :reason, :at)
                """).param("round", roundId).param("doneShare", doneShare).param("lateShare", lateShare)
                .param("onTime", onTime).param("rec", recommendation).param("reason", reason).param("at", now())
                .update();
    }

    /** The council decides. Guarded: an audited round; corrective measures send it back to the referent. */
    void decide(long roundId, String decision, LocalDate decisionDate, String motivation, String measures,
                LocalDate correctiveDeadline, String by) {
        guard(db.sql("""
                UPDATE fa_monitoring_round SET status = :status, decision = :decision, decided_at = :at,
                       corrective_deadline = :deadline
                WHERE id = :id AND status = 'AUDITED'
                """).param("status", "corrective".equals(decision) ? "CORRECTIVE" : "AUDITED")
                .param("decision", decision).param("at", now())
                .param("deadline", correctiveDeadline == null ? null : Date.valueOf(correctiveDeadline))
                .param("id", roundId).update(), roundId, "ricevere la decisione del Consiglio");
        insertDecision(roundId, decision, decisionDate, motivation, measures, correctiveDeadline, by);
    }

    /** The council recognises the plan as carried out, after the round it confirmed last. */
    void recordRecognition(long roundId, LocalDate decisionDate, String motivation, String by) {
        insertDecision(roundId, "recognise", decisionDate, motivation, null, null, by);
    }

    /** The corrective measures the council asked for in its latest decision on the round. */
    public Optional<String> requestedMeasures(long roundId) {
        return db.sql("""
                SELECT corrective_measures FROM fa_monitoring_decision WHERE round_id = :id AND decision = 'corrective'
                ORDER BY id DESC
                """).param("id", roundId).query(String.class).list().stream().findFirst();
    }

    /** The referent reports the corrective measures: back to the evaluator. Guarded: measures asked for. */
    void correctiveMeasuresTaken(long roundId, String measures, LocalDate completedOn, String by) {
        guard(db.sql("UPDATE fa_monitoring_round SET status = 'APPROVED' WHERE id = :id AND status = 'CORRECTIVE'")
                .param("id", roundId).update(), roundId, "ricevere le misure correttive");
        db.sql("""
                INSERT INTO fa_corrective_measure (round_id, measures_taken, completed_on, recorded_by, recorded_at)
                VALUES (:round, :measures, :date, :by, :at)
                """).param("round", roundId).param("measures", measures).param("date", Date.valueOf(completedOn))
                .param("by", by).param("at", now()).update();
    }

    /**
     * Closes the round as confirmed or revoked once the council has decided so.
     *
     * @return false when it was already closed (a retried job)
     */
    boolean close(long roundId, RoundStatus status) {
        return db.sql("""
                UPDATE fa_monitoring_round SET status = :status, closed_at = :at WHERE id = :id AND status = 'AUDITED'
                """).param("status", status.name()).param("at", now()).param("id", roundId).update() == 1;
    }

    private void insertDecision(long roundId, String decision, LocalDate decisionDate, String motivation,
                                String measures, LocalDate deadline, String by) {
        db.sql("""
                INSERT INTO fa_monitoring_decision (round_id, decision, decision_date, motivation, corrective_measures,
                                                    corrective_deadline, decided_by, decided_at)
                VALUES (:round, :decision, :date, :motivation, :measures, :deadline, :by, :at)
                """).param("round", roundId).param("decision", decision).param("date", Date.valueOf(decisionDate))
                .param("motivation", motivation).param("measures", measures)
                .param("deadline", deadline == null ? null : Date.valueOf(deadline)).param("by", by).param("at", now())
                .update();
    }

    private void guard(int updated, long roundId, String step) {
        if (updated != 1) {
            String status = db.sql("SELECT status FROM fa_monitoring_round WHERE id = :id").param("id", roundId)
                    .query(String.class).optional().orElse("inesistente");
            throw new IllegalStateException("Il monitoraggio " + roundId + " è nello stato " + status
                    + " e non può " + step + " / The monitoring round is " + status);
        }
    }

    private static Timestamp now() {
        return Timestamp.from(EngineTime.now());
    }

    private static String years(Set<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static TreeSet<Integer> years(String years) {
        TreeSet<Integer> set = new TreeSet<>();
        if (years != null && !years.isBlank()) {
            Arrays.stream(years.split(",")).map(String::strip).map(Integer::valueOf).forEach(set::add);
        }
        return set;
    }

    private static ActionState state(String name) {
        return name == null ? null : ActionState.valueOf(name);
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static MonitoringRound map(ResultSet rs, int n) throws SQLException {
        long plan = rs.getLong("plan_version_id");
        Long planVersionId = rs.wasNull() ? null : plan;
        int due = rs.getInt("actions_due");
        Integer actionsDue = rs.wasNull() ? null : due;
        int done = rs.getInt("actions_done");
        Integer actionsDone = rs.wasNull() ? null : done;
        boolean onTime = rs.getBoolean("report_on_time");
        Boolean reportOnTime = rs.wasNull() ? null : onTime;
        return new MonitoringRound(rs.getLong("id"), rs.getLong("certification_id"), rs.getInt("round_no"),
                rs.getString("process_instance_id"), rs.getLong("certificate_id"),
                RoundStatus.valueOf(rs.getString("status")), date(rs.getDate("opens_on")),
                date(rs.getDate("report_due")), instant(rs.getTimestamp("opened_at")), planVersionId,
                rs.getString("compiled_by"), instant(rs.getTimestamp("first_submitted_at")),
                instant(rs.getTimestamp("submitted_at")), reportOnTime, rs.getString("notes"),
                rs.getString("approved_by"), instant(rs.getTimestamp("approved_at")), actionsDue, actionsDone,
                rs.getBigDecimal("done_share"), rs.getBigDecimal("late_unexplained_share"),
                rs.getString("recommendation"), rs.getString("recommendation_reason"), rs.getString("decision"),
                instant(rs.getTimestamp("decided_at")), date(rs.getDate("corrective_deadline")),
                instant(rs.getTimestamp("closed_at")));
    }
}
