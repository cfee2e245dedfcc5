package it.familyaudit.workflow.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the application's statements cost PostgreSQL during a benchmark phase, and how the server runs them:
 * every statement {@code pg_stat_statements} counted, with its plan, and every table read whole
 * ({@code pg_stat_user_tables}). A plan is the generic one (the statement prepared, {@code plan_cache_mode =
 * force_generic_plan}): PostgreSQL 15 cannot explain a statement with its parameters left out any other way,
 * and a generic plan that reads a table whole would do so with any values.
 */
final class QueryPlans {

    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

    /** A statement of the phase: how often it ran, its server time, and its plan. */
    record Executed(String sql, double callsPerCycle, double msPerCycle, double rowsPerCall, String plan) {

        /** The tables among {@code growing} its plan reads whole. */
        List<String> scans(Map<String, Long> growing) {
            List<String> tables = new ArrayList<>();
            Matcher m = SEQ_SCAN.matcher(plan);
            while (m.find()) {
                if (growing.containsKey(m.group(1).toLowerCase(Locale.ROOT)) && !tables.contains(m.group(1))) {
                    tables.add(m.group(1));
                }
            }
            return tables;
        }
    }

    /** A table read whole during the phase: scans and rows so read per cycle, rows it holds. */
    record TableScan(String table, double scansPerCycle, double rowsReadPerCycle, long rows) {
    }

    private final String database;

    private QueryPlans(String database) {
        this.database = database;
    }

    /**
     * Starts {@code pg_stat_statements}' counts again, where the server loads it ({@code shared_preload_libraries});
     * false where it does not, and nothing is counted.
     */
    static boolean resetStatementCounts(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW shared_preload_libraries")) {
            rs.next();
            if (!rs.getString(1).contains("pg_stat_statements")) {
                return false;
            }
        }
        s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        s.execute("SELECT pg_stat_statements_reset()");
        return true;
    }

    /** Counting starts now; fails where the server does not load {@code pg_stat_statements}. */
    static QueryPlans start(String database) throws SQLException {
        try (Connection c = Bench.connect(database); Statement s = c.createStatement()) {
            if (!resetStatementCounts(s)) {
                throw new IllegalStateException("This benchmark reads pg_stat_statements: ALTER SYSTEM SET"
                        + " shared_preload_libraries = 'pg_stat_statements' and restart PostgreSQL");
            }
            s.execute("SELECT pg_stat_reset()");
        }
        return new QueryPlans(database);
    }

    /**
     * Rows of every table of the application holding at least {@code atLeast} rows, the ones that grow, as the
     * last {@code ANALYZE} counted them (the statistics' own counts start again at {@link #start}).
     */
    Map<String, Long> tablesOfAtLeast(long atLeast) throws SQLException {
        Map<String, Long> tables = new LinkedHashMap<>();
        try (Connection c = Bench.connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT c.relname, c.reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.reltuples >= %d
                        ORDER BY c.reltuples DESC""".formatted(atLeast))) {
            while (rs.next()) {
                tables.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
            }
        }
        return tables;
    }

    /**
     * The tables read whole since the start. PostgreSQL's backends report their table statistics at the end of
     * a transaction at most once a second, and an idle one within ten seconds: the caller waits that long.
     */
    List<TableScan> tableScans(int cycles) throws SQLException {
        List<TableScan> scans = new ArrayList<>();
        try (Connection c = Bench.connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT s.relname, s.seq_scan, s.seq_tup_read, c.reltuples::bigint FROM pg_stat_user_tables s
                        JOIN pg_class c ON c.oid = s.relid
                        WHERE s.schemaname = 'public' AND s.seq_scan > 0 ORDER BY s.seq_tup_read DESC""")) {
            while (rs.next()) {
                scans.add(new TableScan(rs.getString(1), rs.getDouble(2) / cycles, rs.getDouble(3) / cycles,
                        rs.getLong(4)));
            }
        }
        return scans;
    }

    /** Every statement of the application since the start, the costliest first, each with its generic plan. */
    List<Executed> statements(int cycles) throws SQLException {
        List<Executed> executed = new ArrayList<>();
        try (Connection c = Bench.connect(database); Statement s = c.createStatement()) {
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT query, calls, total_exec_time, rows FROM pg_stat_statements s
                    JOIN pg_database d ON d.oid = s.dbid
                    WHERE d.datname = current_database() AND s.toplevel
                      AND query !~* '^\\s*(begin|commit|rollback|set|show|select pg_|create extension|vacuum|analyze)'
                      AND query !~* 'pg_stat_'
                    ORDER BY total_exec_time DESC""")) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});
                }
            }
            s.execute("SET plan_cache_mode = force_generic_plan");
            for (Object[] row : rows) {
                String sql = (String) row[0];
                double calls = (Double) row[1];
                executed.add(new Executed(sql, calls / cycles, (Double) row[2] / cycles, (Double) row[3] / Math.max(1, calls),
                        plan(c, sql)));
            }
        }
        return executed;
    }

    /** The generic plan of a statement as {@code pg_stat_statements} keeps it (constants as $n), or why there is none. */
    private static String plan(Connection c, String sql) {
        int parameters = 0;
        Matcher m = PARAMETER.matcher(sql);
        while (m.find()) {
            parameters = Math.max(parameters, Integer.parseInt(m.group(1)));
        }
        String nulls = parameters == 0 ? "" : "(" + String.join(", ", java.util.Collections.nCopies(parameters, "NULL")) + ")";
        try (Statement s = c.createStatement()) {
            s.execute("PREPARE fa_explained AS " + sql);
            try {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE fa_explained" + nulls)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                s.execute("DEALLOCATE fa_explained");
            }
        } catch (SQLException notPlanned) {
            return "(no plan: " + notPlanned.getMessage().lines().findFirst().orElse("") + ")\n";
        }
    }
}
