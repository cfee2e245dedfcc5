package it.familyaudit.workflow.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * What PostgreSQL executed while a benchmark phase ran, from {@code pg_stat_statements}: the
 * statements per cycle and the ones that took most of the server's time. Only where the server
 * loads the extension ({@code shared_preload_libraries}); elsewhere it says so and counts nothing.
 */
final class Statements {

    private static final int TOP = Integer.getInteger("bench.statements.top", 15);

    private final String database;
    private final boolean available;

    private Statements(String database, boolean available) {
        this.database = database;
        this.available = available;
    }

    static Statements startCounting(String database) throws SQLException {
        try (Connection c = Bench.connect(database); Statement s = c.createStatement()) {
            return new Statements(database, QueryPlans.resetStatementCounts(s));
        }
    }

    void report(int cycles, List<String> report) throws SQLException {
        if (!available) {
            report.add("  statements: PostgreSQL does not load pg_stat_statements, not counted");
            return;
        }
        try (Connection c = Bench.connect(database); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT sum(calls), sum(total_exec_time) FROM pg_stat_statements s
                    JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database()""")) {
                rs.next();
                report.add(String.format(Locale.ROOT, "  statements per cycle: %.0f, %.1f ms of execution",
                        rs.getDouble(1) / cycles, rs.getDouble(2) / cycles));
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')
                    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                    WHERE d.datname = current_database() ORDER BY total_exec_time DESC LIMIT %d""".formatted(TOP))) {
                while (rs.next()) {
                    String sql = rs.getString(4);
                    report.add(String.format(Locale.ROOT, "    %6.1f calls/cycle %7.2f ms/cycle %6.1f rows/call  %s",
                            rs.getDouble(1) / cycles, rs.getDouble(2) / cycles, rs.getDouble(3) / Math.max(1, rs.getDouble(1)),
                            sql.length() > 160 ? sql.substring(0, 160) + "…" : sql));
                }
            }
        }
    }
}
