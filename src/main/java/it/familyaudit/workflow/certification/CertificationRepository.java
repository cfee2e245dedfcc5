package it.familyaudit.workflow.certification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.organization.Organization;
import it.familyaudit.workflow.security.ProfessionalAssignment;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code fa_certification} table, and its only owner: no other class runs SQL on it (other
 * features ask the certification package; ModularityTest keeps it so). Every change is guarded by
 * the state it needs: a change that finds the cycle already ended touches nothing and says so.
 */
@Repository
class CertificationRepository {

    private static final String COLUMNS = """
            id, organization_id, cycle_no, process_instance_id, phase, status, started_by, started_at, ended_at,
            scope, scope_units, employees_involved, internal_act_number, internal_act_date, referent_user_id,
            referent_name, referent_email, referent_phone, fee_amount, payment_notice_number, payment_date,
            amount_paid, consultant_user_id, evaluator_user_id, kickoff_date, evaluation_deadline,
            deadline_warned_at, overdue, working_group_warning, kind, monitoring_start, phase_since
            """;

    /**
     * A cycle that has not ended: running up to its certificate, or after it. A cycle certified before the
     * monitoring was modelled ended with its certificate: it has an end date.
     */
    private static final String RUNNING = "status IN ('ACTIVE', 'CERTIFIED') AND ended_at IS NULL";

    private static final RowMapper<Certification> ROW = CertificationRepository::map;

    private final JdbcClient db;
    /**
     * Which certification a process instance works for never changes once it is written, and every
     * task created or completed asks it: the answers found are kept (never an absence, which a later
     * link may fill). An entry left by a rolled-back start names a process instance that no one will
     * ever ask about again.
     */
    private final Cache<String, Long> certificationOfProcess = Caffeine.newBuilder().maximumSize(10_000).build();
    /**
     * The code of each certification's organisation, which the audit trail asks for most events:
     * neither a cycle's organisation nor an organisation's code ever changes, so the answers found
     * are kept (never an absence).
     */
    private final Cache<Long, String> organizationOfCertification = Caffeine.newBuilder().maximumSize(10_000).build();

    CertificationRepository(JdbcClient db) {
        this.db = db;
    }

    public Optional<Certification> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM fa_certification WHERE id = :id")
                .param("id", id).query(ROW).optional();
    }


    /** The certification, its organisation and its processes in one statement: what every status view starts from. */
    public Optional<CertificationWithOrganization> findWithOrganization(long id) {
        return db.sql("""
                SELECT c.*, o.code AS organization_code, o.name AS organization_name, o.kind AS organization_kind,
                       (SELECT ARRAY_AGG(p.process_instance_id ORDER BY p.process_instance_id)
                        FROM fa_certification_process p WHERE p.certification_id = c.id) AS working_processes
                FROM fa_certification c JOIN fa_organization o ON o.id = c.organization_id
                WHERE c.id = :id
                """)
                .param("id", id)
                .query((rs, row) -> {
                    Certification c = map(rs, row);
                    List<String> processes = new ArrayList<>();
                    processes.add(c.processInstanceId());
                    Array working = rs.getArray("working_processes");
                    if (working != null) {
                        for (Object process : (Object[]) working.getArray()) {
                            processes.add((String) process);
                        }
                    }
                    return new CertificationWithOrganization(c, new Organization(rs.getLong("organization_id"),
                            rs.getString("organization_code"), rs.getString("organization_name"),
                            rs.getString("organization_kind")), List.copyOf(processes));
                })
                .optional();
    }

    public Certification get(long id) {
        return findById(id).orElseThrow(() -> new IllegalStateException("No certification " + id));
    }

    /** The organisation's cycle that has not ended, if any (one at a time). */
    public Optional<Certification> findActive(long organizationId) {
        return db.sql("SELECT " + COLUMNS + " FROM fa_certification WHERE organization_id = :org AND " + RUNNING)
                .param("org", organizationId).query(ROW).optional();
    }

    /** The ids of all the organisation's cycles, the latest first. */
    public List<Long> idsOfOrganization(long organizationId) {
        return db.sql("SELECT id FROM fa_certification WHERE organization_id = :org ORDER BY cycle_no DESC")
                .param("org", organizationId).query(Long.class).list();
    }

    /** Whether the organisation (by its code) has any cycle, running or ended. */
    public boolean anyOfOrganization(String organizationCode) {
        return db.sql("""
                SELECT COUNT(*) FROM fa_certification c JOIN fa_organization o ON o.id = c.organization_id
                WHERE o.code = :code
                """).param("code", organizationCode).query(Long.class).single() > 0;
    }

    /** The code of the certification's organisation; empty when there is no such certification. */
    public Optional<String> organizationCodeOf(long id) {
        String known = organizationOfCertification.getIfPresent(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = db.sql("""
                SELECT o.code FROM fa_certification c JOIN fa_organization o ON o.id = c.organization_id
                WHERE c.id = :id
                """).param("id", id).query(String.class).optional();
        found.ifPresent(code -> organizationOfCertification.put(id, code));
        return found;
    }

    /** The organisation's cycles that have ended, the latest first. */
    public List<Certification> ended(long organizationId) {
        return db.sql("SELECT " + COLUMNS + " FROM fa_certification WHERE organization_id = :org AND NOT ("
                        + RUNNING + ") ORDER BY cycle_no DESC")
                .param("org", organizationId).query(ROW).list();
    }

    /**
     * The certification a process instance works for: its own process, or one that works for it (a
     * yearly monitoring round).
     */
    public Optional<Long> certificationOfProcess(String processInstanceId) {
        Long known = certificationOfProcess.getIfPresent(processInstanceId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> found = db.sql("""
                SELECT id FROM fa_certification WHERE process_instance_id = :pi
                UNION ALL
                SELECT certification_id FROM fa_certification_process WHERE process_instance_id = :pi
                """).param("pi", processInstanceId).query(Long.class).list().stream().findFirst();
        found.ifPresent(id -> certificationOfProcess.put(processInstanceId, id));
        return found;
    }

    /** Each process instance's certification: its own process, or one working for it; one query for a whole page of tasks. */
    public Map<String, CertificationRef> refsOfProcesses(Collection<String> processInstanceIds) {
        Map<String, CertificationRef> refs = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return refs;
        }
        db.sql("""
                SELECT p.process_instance_id, c.id, o.code, o.name, c.consultant_user_id, c.evaluator_user_id
                FROM (SELECT process_instance_id, id AS certification_id FROM fa_certification
                      WHERE process_instance_id IN (:ids)
                      UNION ALL
                      SELECT process_instance_id, certification_id FROM fa_certification_process
                      WHERE process_instance_id IN (:ids)) p
                JOIN fa_certification c ON c.id = p.certification_id
                JOIN fa_organization o ON o.id = c.organization_id
                """)
                .param("ids", List.copyOf(processInstanceIds))
                .query(rs -> {
                    refs.put(rs.getString(1), new CertificationRef(rs.getLong(2), rs.getString(3), rs.getString(4),
                            new ProfessionalAssignment(rs.getString(5), rs.getString(6))));
                });
        return refs;
    }

    Map<Long, String> organizationNames(Collection<Long> certificationIds) {
        Map<Long, String> names = new HashMap<>();
        if (certificationIds.isEmpty()) {
            return names;
        }
        db.sql("""
                SELECT c.id, o.name FROM fa_certification c JOIN fa_organization o ON o.id = c.organization_id
                WHERE c.id IN (:ids)""")
                .param("ids", List.copyOf(certificationIds))
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    /** Records that a process instance works for the certification; doing it twice is harmless. */
    public void linkProcess(String processInstanceId, long certificationId, String purpose) {
        db.sql("""
                INSERT INTO fa_certification_process (process_instance_id, certification_id, purpose)
                SELECT :pi, :cert, :purpose FROM fa_certification
                WHERE id = :cert AND NOT EXISTS (SELECT 1 FROM fa_certification_process WHERE process_instance_id = :pi)
                """).param("pi", processInstanceId).param("cert", certificationId).param("purpose", purpose).update();
    }

    public Optional<Certification> findByProcessInstance(String processInstanceId) {
        return db.sql("SELECT " + COLUMNS + " FROM fa_certification WHERE process_instance_id = :pi")
                .param("pi", processInstanceId).query(ROW).optional();
    }

    /**
     * Certifications of the given organisations (all of them when {@code organizationIds} is
     * null), only those naming {@code professional} as consultant or evaluator when given; newest first.
     */
    public List<Certification> findAll(Collection<Long> organizationIds, String professional, int limit) {
        if (organizationIds != null && organizationIds.isEmpty()) {
            return List.of();
        }
        String where = (organizationIds == null ? "1 = 1" : "organization_id IN (:orgs)")
                + (professional == null ? "" : " AND (consultant_user_id = :user OR evaluator_user_id = :user)");
        var sql = db.sql("SELECT " + COLUMNS + " FROM fa_certification WHERE " + where
                + " ORDER BY started_at DESC, id DESC FETCH FIRST :limit ROWS ONLY");
        if (professional != null) {
            sql = sql.param("user", professional);
        }
        if (organizationIds != null) {
            sql = sql.param("orgs", organizationIds);
        }
        return sql.param("limit", limit).query(ROW).list();
    }

    /** Opens the next cycle of the organisation; the caller has checked that none is active. */
    long open(long organizationId, String processInstanceId, String startedBy, CycleKind kind) {
        // The new cycle is the organisation's latest, and the one before it no longer is (the agency's table
        // shows the latest): both in this transaction. On PostgreSQL a unique index refuses a second latest.
        db.sql("UPDATE fa_certification SET latest = FALSE WHERE organization_id = :org AND latest = TRUE")
                .param("org", organizationId).update();
        db.sql("""
                INSERT INTO fa_certification (organization_id, cycle_no, process_instance_id, phase, status,
                                              started_by, started_at, overdue, kind, phase_since, latest)
                SELECT :org, COALESCE(MAX(cycle_no), 0) + 1, :pi, 'APPLICATION', 'ACTIVE', :by, :now, FALSE, :kind, :now,
                       TRUE
                FROM fa_certification WHERE organization_id = :org
                """)
                .param("org", organizationId)
                .param("kind", kind.name())
                .param("pi", processInstanceId)
                .param("by", startedBy)
                .param("now", Timestamp.from(EngineTime.now()))
                .update();
        return findByProcessInstance(processInstanceId).orElseThrow().id();
    }

    /** The phase the cycle is in now; the day it entered it moves only when the phase changes. */
    public void updatePhase(long id, Phase phase) {
        active(db.sql("""
                UPDATE fa_certification
                SET phase_since = CASE WHEN phase = :phase THEN phase_since ELSE :now END, phase = :phase
                WHERE id = :id AND\s""" + RUNNING)
                .param("phase", phase.name()).param("now", Timestamp.from(EngineTime.now())), id);
    }

    /** The Family Audit certificate was issued: the cycle runs on, certified. False when it already was. */
    boolean certify(long id) {
        return db.sql("""
                UPDATE fa_certification SET status = 'CERTIFIED', phase = 'CERTIFIED', phase_since = :now
                WHERE id = :id AND status = 'ACTIVE'""")
                .param("id", id).param("now", Timestamp.from(EngineTime.now())).update() == 1;
    }

    /**
     * The day the yearly monitoring began: set once (to {@code day}), then kept, so a retried step
     * never moves the anniversaries.
     */
    public LocalDate beginMonitoring(long id, LocalDate day) {
        active(db.sql("""
                UPDATE fa_certification SET monitoring_start = COALESCE(monitoring_start, :day)
                WHERE id = :id AND status IN ('ACTIVE', 'CERTIFIED') AND ended_at IS NULL
                """).param("day", Date.valueOf(day)), id);
        return get(id).monitoringStart();
    }

    void recordApplication(long id, String scope, String scopeUnits, int employees, String actNumber, LocalDate actDate,
                           String referentUserId, String referentName, String referentEmail, String referentPhone) {
        active(db.sql("""
                UPDATE fa_certification SET scope = :scope, scope_units = :units, employees_involved = :employees,
                       internal_act_number = :actNumber, internal_act_date = :actDate, referent_user_id = :refUser,
                       referent_name = :refName, referent_email = :refEmail, referent_phone = :refPhone
                WHERE id = :id AND status = 'ACTIVE'
                """)
                .param("scope", scope).param("units", scopeUnits).param("employees", employees)
                .param("actNumber", actNumber).param("actDate", Date.valueOf(actDate))
                .param("refUser", referentUserId).param("refName", referentName)
                .param("refEmail", referentEmail).param("refPhone", referentPhone), id);
    }

    void recordFee(long id, BigDecimal fee) {
        active(db.sql("UPDATE fa_certification SET fee_amount = :fee WHERE id = :id AND status = 'ACTIVE'")
                .param("fee", fee), id);
    }

    void recordPayment(long id, String notice, LocalDate date, BigDecimal amount) {
        active(db.sql("""
                UPDATE fa_certification SET payment_notice_number = :notice, payment_date = :date, amount_paid = :amount
                WHERE id = :id AND status = 'ACTIVE'
                """).param("notice", notice).param("date", Date.valueOf(date)).param("amount", amount), id);
    }

    void assignConsultant(long id, String consultant) {
        active(db.sql("UPDATE fa_certification SET consultant_user_id = :user WHERE id = :id AND status = 'ACTIVE'")
                .param("user", consultant), id);
    }

    void assignEvaluator(long id, String evaluator) {
        active(db.sql("UPDATE fa_certification SET evaluator_user_id = :user WHERE id = :id AND status = 'ACTIVE'")
                .param("user", evaluator), id);
    }

    void recordKickoff(long id, LocalDate date, LocalDate deadline) {
        active(db.sql("""
                UPDATE fa_certification SET kickoff_date = :date, evaluation_deadline = :deadline
                WHERE id = :id AND status = 'ACTIVE'
                """).param("date", Date.valueOf(date)).param("deadline", Date.valueOf(deadline)), id);
    }

    /** @return false when the warning had already been recorded (a retried job) */
    boolean markDeadlineWarned(long id) {
        return db.sql("""
                UPDATE fa_certification SET deadline_warned_at = :now
                WHERE id = :id AND status = 'ACTIVE' AND deadline_warned_at IS NULL
                """).param("now", Timestamp.from(EngineTime.now())).param("id", id).update() == 1;
    }

    void markOverdue(long id) {
        active(db.sql("UPDATE fa_certification SET overdue = TRUE WHERE id = :id AND status = 'ACTIVE'"), id);
    }

    void extendDeadline(long id, LocalDate deadline) {
        active(db.sql("""
                UPDATE fa_certification SET overdue = FALSE, evaluation_deadline = :deadline
                WHERE id = :id AND status = 'ACTIVE'
                """).param("deadline", Date.valueOf(deadline)), id);
    }

    public void recordWorkingGroupWarning(long id, String warning) {
        active(db.sql("UPDATE fa_certification SET working_group_warning = :w WHERE id = :id AND status = 'ACTIVE'")
                .param("w", warning), id);
    }

    /** Ends the cycle; false when it had already ended. */
    public boolean end(long id, CertificationStatus status) {
        if (!status.isFinal()) {
            throw new IllegalArgumentException("Not a final status: " + status);
        }
        return db.sql("""
                UPDATE fa_certification SET status = :status, phase = :status, ended_at = :now, phase_since = :now
                WHERE id = :id AND status IN ('ACTIVE', 'CERTIFIED') AND ended_at IS NULL
                """).param("status", status.name()).param("now", Timestamp.from(EngineTime.now()))
                .param("id", id).update() == 1;
    }

    /** Whether the organisation holds a valid Family Audit Executive certificate (read from the register). */
    public boolean holdsValidExecutive(long organizationId) {
        return db.sql("""
                SELECT COUNT(*) FROM fa_certificate k JOIN fa_certification c ON c.id = k.certification_id
                WHERE c.organization_id = :org AND k.kind = 'EXECUTIVE' AND k.status = 'VALID'
                """).param("org", organizationId).query(Long.class).single() > 0;
    }

    /**
     * The certificates this cycle issued cease with it when the organisation withdraws: the register
     * shows them as withdrawn.
     *
     * @return how many were valid
     */
    int withdrawCertificates(long id) {
        return db.sql("UPDATE fa_certificate SET status = 'WITHDRAWN' WHERE certification_id = :id AND status = 'VALID'")
                .param("id", id).update();
    }

    /**
     * Whether another cycle of the organisation still needs this professional: a running one
     * that assigns them, or a certified one whose evaluator they are (the yearly monitoring).
     */
    public boolean needsProfessionalElsewhere(long organizationId, long exceptCertificationId, String userId) {
        return db.sql("""
                SELECT COUNT(*) FROM fa_certification
                WHERE organization_id = :org AND id <> :except
                  AND (status = 'ACTIVE' AND (consultant_user_id = :user OR evaluator_user_id = :user)
                       OR status = 'CERTIFIED' AND ended_at IS NULL AND evaluator_user_id = :user)
                """).param("org", organizationId).param("except", exceptCertificationId).param("user", userId)
                .query(Long.class).single() > 0;
    }

    private static void active(JdbcClient.StatementSpec update, long id) {
        if (update.param("id", id).update() != 1) {
            throw new CertificationNotActive(id);
        }
    }

    private static Certification map(ResultSet rs, int row) throws SQLException {
        return new Certification(
                rs.getLong("id"),
                rs.getLong("organization_id"),
                rs.getInt("cycle_no"),
                rs.getString("process_instance_id"),
                Phase.valueOf(rs.getString("phase")),
                CertificationStatus.valueOf(rs.getString("status")),
                rs.getString("started_by"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("ended_at")),
                rs.getString("scope"),
                rs.getString("scope_units"),
                (Integer) rs.getObject("employees_involved", Integer.class),
                rs.getString("internal_act_number"),
                date(rs.getDate("internal_act_date")),
                rs.getString("referent_user_id"),
                rs.getString("referent_name"),
                rs.getString("referent_email"),
                rs.getString("referent_phone"),
                rs.getBigDecimal("fee_amount"),
                rs.getString("payment_notice_number"),
                date(rs.getDate("payment_date")),
                rs.getBigDecimal("amount_paid"),
                rs.getString("consultant_user_id"),
                rs.getString("evaluator_user_id"),
                date(rs.getDate("kickoff_date")),
                date(rs.getDate("evaluation_deadline")),
                instant(rs.getTimestamp("deadline_warned_at")),
                rs.getBoolean("overdue"),
                rs.getString("working_group_warning"),
                CycleKind.valueOf(rs.getString("kind")),
                date(rs.getDate("monitoring_start")),
                instant(rs.getTimestamp("phase_since")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
