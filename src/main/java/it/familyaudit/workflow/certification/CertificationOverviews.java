package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.EngineTime;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agency's table of every organisation with its latest cycle, read from the certification's tables (and the
 * organisations' names) for those who see every organisation; it writes nothing.
 */
@Repository
class CertificationOverviews {

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

    private final JdbcClient db;

    CertificationOverviews(JdbcClient db) {
        this.db = db;
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
    CertificationOverview.Page page(CertificationOverview.Query q) {
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
                    .query(CertificationOverviews::row).list();
        }
        return db.sql(OVERVIEW_COLUMNS + """
                         FROM fa_organization o
                        LEFT JOIN fa_certification c ON c.organization_id = o.id AND c.latest = TRUE
                        WHERE 1 = 1""" + condition + filter.cycle() + filter.search()
                        + " ORDER BY o.name" + (descending ? " DESC" : "") + ", o.id" + PAGE)
                .params(filter.params()).param("offset", offset).param("size", size)
                .query(CertificationOverviews::row).list();
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
                .query(CertificationOverviews::row).list();
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
                .query(CertificationOverviews::row).list();
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

    private static CertificationOverview.Row row(ResultSet rs, int n) throws SQLException {
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

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
