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
import java.util.Collections;
import java.util.EnumMap;
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

    /** The agency's table: the latest cycles, with their organisations. */
    private static final String LATEST_CYCLES =
            " FROM fa_certification c JOIN fa_organization o ON o.id = c.organization_id WHERE c.latest = TRUE";

    private static final String OVERVIEW_COLUMNS = """
            SELECT c.id, o.code, o.name, c.cycle_no, c.kind, c.phase, c.status, c.phase_since, c.evaluation_deadline,
                   c.overdue, c.fee_amount, c.payment_date, c.monitoring_start, o.id AS organization_id""";

    /** Up to how many cycles a run by name reads the cycles, sorts them and looks up their organisations. */
    private static final long FEW_CYCLES = 2_000;

    /**
     * The offset in a subquery, out of the planner's sight: told it, PostgreSQL reads the tables whole to skip
     * half of them for a page in the middle, as it estimates that cheaper than walking an index so far. Either way
     * such a page costs its offset; the index does not read what comes after the page, nor sort anything.
     */
    private static final String PAGE = " OFFSET (SELECT CAST(:offset AS BIGINT)) ROWS FETCH NEXT :size ROWS ONLY";

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

    /**
     * One page of every organisation's latest cycle, for the agency's table: filtered, sorted (the
     * sort is one of {@link CertificationOverview.Sort}'s, never text from the request) and counted.
     *
     * <p>No statement here reads a table whole, however many organisations there are. The table is a sequence
     * of runs, each read in its own order from an index, from where the page starts: by name, every
     * organisation with its latest cycle; by phase, each phase's cycles by name, phase after phase; by days in
     * phase or by deadline, the cycles in that column's order. Organisations without a cycle (and, by deadline,
     * cycles without one yet) come after the others, by name. The counts give each run's length, so the page's
     * offset tells which runs it needs and where in them it starts. A search by part of a name or code does read
     * every organisation's name and code: no index finds a substring.
     */
    CertificationOverview.Page overview(CertificationOverview.Query q) {
        OverviewFilter filter = new OverviewFilter(q);
        Map<Phase, Long> perPhase = latestCyclesPerPhase(filter);
        long cycles = perPhase.values().stream().mapToLong(Long::longValue).sum();
        long withoutCycle = filter.cyclesOnly() ? 0 : db.sql("""
                SELECT COUNT(*) FROM fa_organization o WHERE o.has_cycle = FALSE""" + filter.search())
                .params(filter.params()).query(Long.class).single();
        List<OverviewRun> runs = new ArrayList<>();
        switch (q.sort()) {
            case NAME -> runs.add(new OverviewRun(cycles + withoutCycle,
                    (offset, size) -> byName(filter, "", q.descending(), cycles, offset, size)));
            case PHASE -> {
                List<Phase> order = new ArrayList<>(List.of(Phase.values()));
                if (q.descending()) {
                    Collections.reverse(order);
                }
                for (Phase phase : order) {
                    long inPhase = perPhase.getOrDefault(phase, 0L);
                    runs.add(new OverviewRun(inPhase,
                            (offset, size) -> byName(filter, inPhase(phase), false, inPhase, offset, size)));
                }
                runs.add(new OverviewRun(withoutCycle, (offset, size) -> last(filter, false, offset, size)));
            }
            case DAYS_IN_PHASE -> {
                runs.add(new OverviewRun(cycles, (offset, size) -> byCycleColumn(filter, q.sort().column(), "",
                        q.descending(), offset, size)));
                runs.add(new OverviewRun(withoutCycle, (offset, size) -> last(filter, false, offset, size)));
            }
            case DEADLINE -> {
                long undated = db.sql("SELECT COUNT(*)" + LATEST_CYCLES + " AND c.evaluation_deadline IS NULL"
                        + filter.cycle() + filter.search()).params(filter.params()).query(Long.class).single();
                runs.add(new OverviewRun(cycles - undated, (offset, size) -> byCycleColumn(filter, q.sort().column(),
                        " AND c.evaluation_deadline IS NOT NULL", q.descending(), offset, size)));
                runs.add(new OverviewRun(undated + withoutCycle, (offset, size) -> last(filter, true, offset, size)));
            }
        }
        List<CertificationOverview.Row> rows = new ArrayList<>();
        long skip = (long) q.page() * q.size();
        for (OverviewRun run : runs) {
            if (rows.size() == q.size()) {
                break;
            }
            if (skip >= run.length()) {
                skip -= run.length();
                continue;
            }
            rows.addAll(run.rows().read(skip, (int) Math.min(q.size() - rows.size(), run.length() - skip)));
            skip = 0;
        }
        return new CertificationOverview.Page(rows, cycles + withoutCycle, q);
    }

    /**
     * How many latest cycles each phase holds: the sizes of the runs by phase and, summed, the table's total.
     * Without a search this counts the entries of one index (latest, phase), never reading the table; it is the
     * one statement whose cost grows with the organisations, a few milliseconds at 10,000.
     */
    private Map<Phase, Long> latestCyclesPerPhase(OverviewFilter filter) {
        String from = filter.searching() ? LATEST_CYCLES
                : " FROM fa_certification c WHERE c.latest = TRUE";
        Map<Phase, Long> counts = new EnumMap<>(Phase.class);
        db.sql("SELECT c.phase, COUNT(*)" + from + filter.cycle() + filter.search() + " GROUP BY c.phase")
                .params(filter.params())
                .query((ResultSet rs) -> {
                    counts.put(Phase.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /**
     * Every organisation by name (the organisations without a cycle among the others, unless a filter on the
     * cycle leaves them out), walking the index on the name; {@code condition} narrows to one phase, and
     * {@code cycles} says how many cycles pass. Ties on the name go by organisation, ascending, also when the
     * names descend.
     */
    private List<CertificationOverview.Row> byName(OverviewFilter filter, String condition, boolean descending,
                                                   long cycles, long offset, int size) {
        if (!filter.searching() && !(condition + filter.cycle()).isEmpty() && cycles <= FEW_CYCLES) {
            // A few cycles (a phase but the one most organisations are in, the overdue ones): read by their index
            // and sorted, each organisation looked up by its key. Joined instead, PostgreSQL reads every
            // organisation to match a few hundred cycles, while walking the names finds one every so many.
            return db.sql("""
                            SELECT c.id, (SELECT o.code FROM fa_organization o WHERE o.id = c.organization_id) AS code,
                                   (SELECT o.name FROM fa_organization o WHERE o.id = c.organization_id) AS name,
                                   c.cycle_no, c.kind, c.phase, c.status, c.phase_since, c.evaluation_deadline, c.overdue,
                                   c.fee_amount, c.payment_date, c.monitoring_start, c.organization_id
                            FROM fa_certification c WHERE c.latest = TRUE""" + condition + filter.cycle()
                            + " ORDER BY name" + (descending ? " DESC" : "") + ", organization_id" + PAGE)
                    .params(filter.params()).param("offset", offset).param("size", size)
                    .query(CertificationRepository::overviewRow).list();
        }
        return db.sql(OVERVIEW_COLUMNS + """
                         FROM fa_organization o
                        LEFT JOIN fa_certification c ON c.organization_id = o.id AND c.latest = TRUE
                        WHERE 1 = 1""" + condition + filter.cycle() + filter.search()
                        + " ORDER BY o.name" + (descending ? " DESC" : "") + ", o.id" + PAGE)
                .params(filter.params()).param("offset", offset).param("size", size)
                .query(CertificationRepository::overviewRow).list();
    }

    /**
     * One phase, written into the statement rather than bound: a phase is an enum's name, never text from the
     * request, and each phase keeps a plan of its own, by the name index for the phase nearly every
     * organisation is in, by the phase's index for the others.
     */
    private static String inPhase(Phase phase) {
        return " AND c.phase = '" + phase.name() + "'";
    }

    /** The latest cycles in the order of one of their columns (by its index), where the column has a value. */
    private List<CertificationOverview.Row> byCycleColumn(OverviewFilter filter, String column, String condition,
                                                          boolean descending, long offset, int size) {
        return db.sql(OVERVIEW_COLUMNS + LATEST_CYCLES + condition + filter.cycle() + filter.search()
                        + " ORDER BY " + column + (descending ? " DESC" : "") + ", o.name, o.id" + PAGE)
                .params(filter.params()).param("offset", offset).param("size", size)
                .query(CertificationRepository::overviewRow).list();
    }

    /**
     * What sorts after every cycle, by name: the organisations without a cycle (none when a filter on the cycle
     * applies), with the latest cycles that have no deadline yet when {@code undated}.
     */
    private List<CertificationOverview.Row> last(OverviewFilter filter, boolean undated, long offset, int size) {
        List<String> parts = new ArrayList<>();
        if (undated) {
            parts.add(OVERVIEW_COLUMNS + LATEST_CYCLES + " AND c.evaluation_deadline IS NULL" + filter.cycle()
                    + filter.search());
        }
        if (!filter.cyclesOnly()) {
            parts.add("""
                    SELECT NULL AS id, o.code, o.name, NULL AS cycle_no, NULL AS kind, NULL AS phase, NULL AS status,
                           NULL AS phase_since, NULL AS evaluation_deadline, FALSE AS overdue, NULL AS fee_amount,
                           NULL AS payment_date, NULL AS monitoring_start, o.id AS organization_id
                    FROM fa_organization o WHERE o.has_cycle = FALSE""" + filter.search());
        }
        return db.sql(String.join(" UNION ALL ", parts) + " ORDER BY name, organization_id" + PAGE)
                .params(filter.params()).param("offset", offset).param("size", size)
                .query(CertificationRepository::overviewRow).list();
    }

    /** A run of the overview's rows in one order: how many there are, and how to read some of them. */
    private record OverviewRun(long length, OverviewRows rows) {
    }

    @FunctionalInterface
    private interface OverviewRows {
        List<CertificationOverview.Row> read(long offset, int size);
    }

    /** The query's filters as conditions on the latest cycle ({@code c}) and on the organisation ({@code o}). */
    private record OverviewFilter(String cycle, String search, Map<String, Object> params) {

        OverviewFilter(CertificationOverview.Query q) {
            this(cycleConditions(q), q.search() == null ? "" : " AND (LOWER(o.name) LIKE :search OR LOWER(o.code) LIKE :search)",
                    params(q));
        }

        private static String cycleConditions(CertificationOverview.Query q) {
            String conditions = q.phase() == null ? "" : inPhase(q.phase());
            if (q.overdueOnly()) {
                conditions += " AND (c.overdue = TRUE OR (c.status = 'ACTIVE' AND c.evaluation_deadline < :today))";
            }
            return conditions;
        }

        private static Map<String, Object> params(CertificationOverview.Query q) {
            Map<String, Object> params = new HashMap<>();
            if (q.overdueOnly()) {
                params.put("today", Date.valueOf(EngineTime.today()));
            }
            if (q.search() != null) {
                params.put("search", "%" + q.search().toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            return params;
        }

        /** Only organisations with a cycle pass: a filter on the cycle applies. */
        boolean cyclesOnly() {
            return !cycle.isEmpty();
        }

        boolean searching() {
            return !search.isEmpty();
        }
    }

    private static CertificationOverview.Row overviewRow(ResultSet rs, int n) throws SQLException {
        boolean cycle = rs.getObject("id") != null;
        return new CertificationOverview.Row(cycle ? rs.getLong("id") : null, rs.getString("code"),
                rs.getString("name"), cycle ? rs.getInt("cycle_no") : null,
                cycle ? CycleKind.valueOf(rs.getString("kind")) : null,
                cycle ? Phase.valueOf(rs.getString("phase")) : null,
                cycle ? CertificationStatus.valueOf(rs.getString("status")) : null,
                instant(rs.getTimestamp("phase_since")), date(rs.getDate("evaluation_deadline")),
                rs.getBoolean("overdue"), rs.getBigDecimal("fee_amount"), date(rs.getDate("payment_date")),
                date(rs.getDate("monitoring_start")));
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
