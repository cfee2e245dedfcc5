package it.familyaudit.workflow.certification;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.support.PostgresAvailable;
import it.familyaudit.workflow.support.PostgresDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The agency's table of every organisation on PostgreSQL with 10,000 organisations: no statement of any page
 * (every sort, both ways, first and middle page, with and without a filter on the phase or on overdue cycles)
 * reads {@code fa_organization} or {@code fa_certification} whole, neither in the plan made for its values nor in
 * the generic plan the JDBC driver ends up reusing. A search by part of a name reads every name: there the
 * organisations may be read whole, the cycles still not.
 */
@PostgresAvailable
class CertificationOverviewPostgresTest {

    private static final int ORGANISATIONS = 10_000;
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (fa_organization|fa_certification)\\b");

    private static String url;
    private static SingleConnectionDataSource database;

    @BeforeAll
    static void tenThousandOrganisations() throws Exception {
        url = PostgresDatabases.fresh("overview");
        Flyway.configure().dataSource(new DriverManagerDataSource(url, PostgresDatabases.user(),
                        PostgresDatabases.password()))
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .table("fa_schema_history").load().migrate();
        database = new SingleConnectionDataSource(url, PostgresDatabases.user(), PostgresDatabases.password(), true);
        JdbcClient db = JdbcClient.create(database);
        // Most certified, a few hundred elsewhere in the cycle (those before the kickoff without a deadline),
        // every 97th in its second cycle, the last 50 without any.
        db.sql("""
                INSERT INTO fa_organization (code, name, kind, created_at, has_cycle)
                SELECT 'org' || g, (ARRAY['Comune di ', 'Azienda ', 'Cooperativa ', 'Fondazione ', 'ASL '])[1 + g % 5]
                       || initcap(substr(md5(g::text), 1, 8)), 'MUNICIPALITY', TIMESTAMP '2020-01-01', g <= :cycles
                FROM generate_series(1, :n) g""").param("n", ORGANISATIONS).param("cycles", ORGANISATIONS - 50)
                .update();
        db.sql("""
                INSERT INTO fa_certification (organization_id, cycle_no, process_instance_id, phase, status, started_at,
                                              ended_at, kind, phase_since, evaluation_deadline)
                SELECT o.id, 1, 'old-' || o.id, 'WITHDRAWN', 'WITHDRAWN', TIMESTAMP '2019-01-01', TIMESTAMP '2020-01-01',
                       'CERTIFICATION', TIMESTAMP '2020-01-01', DATE '2019-07-01'
                FROM fa_organization o WHERE o.has_cycle AND o.id % 97 = 0""").update();
        db.sql("""
                INSERT INTO fa_certification (organization_id, cycle_no, process_instance_id, phase, status, started_at,
                                              overdue, kind, phase_since, evaluation_deadline, latest)
                SELECT o.id, CASE WHEN o.id % 97 = 0 THEN 2 ELSE 1 END, 'pi-' || o.id, p.phase,
                       CASE WHEN p.phase = 'CERTIFIED' THEN 'CERTIFIED' ELSE 'ACTIVE' END, TIMESTAMP '2022-06-01',
                       o.id % 53 = 0, 'CERTIFICATION', TIMESTAMP '2023-01-01' + (o.id * 7919 % 100000) * INTERVAL '7 minutes',
                       CASE WHEN p.phase IN ('APPLICATION', 'PAYMENT', 'ASSIGNMENT') THEN NULL
                            ELSE DATE '2023-01-01' + (o.id * 31 % 1200)::int END, TRUE
                FROM fa_organization o
                CROSS JOIN LATERAL (SELECT CASE WHEN o.id % 25 = 0 THEN (ARRAY['APPLICATION', 'PAYMENT', 'ASSIGNMENT',
                        'KICKOFF', 'WORKING_GROUP', 'NEEDS_SURVEY', 'PLAN_DRAFTING', 'PLAN_APPROVAL', 'EVALUATION',
                        'COUNCIL_DECISION'])[1 + o.id / 25 % 10]
                      WHEN o.id % 31 = 0 THEN 'MONITORING' ELSE 'CERTIFIED' END AS phase) p
                WHERE o.has_cycle""").update();
        // As autovacuum leaves a table: its statistics gathered, its pages all visible.
        try (Statement s = database.getConnection().createStatement()) {
            s.execute("VACUUM ANALYZE fa_organization");
            s.execute("VACUUM ANALYZE fa_certification");
        }
    }

    @AfterAll
    static void dropIt() throws Exception {
        if (database != null) {
            database.destroy();
        }
        PostgresDatabases.drop(url);
    }

    @Test
    void noPageReadsTheOrganisationsOrTheirCyclesWhole() throws Exception {
        Map<String, String> reading = new TreeMap<>();
        int statements = 0;
        for (CertificationOverview.Sort sort : CertificationOverview.Sort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                for (int page : new int[] {0, ORGANISATIONS / 2 / 25}) {
                    for (Filter filter : Filter.values()) {
                        CertificationOverview.Query query = filter.query(sort, descending, page);
                        Recorded recorded = new Recorded();
                        CertificationOverview.Page shown = new CertificationRepository(JdbcClient.create(recorded.of(database)))
                                .overview(query);
                        assertThat(shown.rows()).as("%s", query).isNotEmpty();
                        for (Recorded.Executed executed : recorded.executed) {
                            statements++;
                            for (boolean generic : new boolean[] {false, true}) {
                                String plan = plan(executed, generic);
                                Matcher scan = SEQ_SCAN.matcher(plan);
                                if (filter != Filter.SEARCH && scan.find()) {
                                    reading.put(scan.group(1) + " read whole, " + (generic ? "generic" : "custom")
                                            + " plan, for " + query + ":\n" + executed.sql(), plan);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(statements).isGreaterThan(100);
        assertThat(reading).isEmpty();
    }

    /** The filters the agency combines, each with a sort, a direction and a page. */
    private enum Filter {
        NONE, PHASE_CERTIFIED, PHASE_PLAN_DRAFTING, OVERDUE, SEARCH;

        CertificationOverview.Query query(CertificationOverview.Sort sort, boolean descending, int page) {
            // A page in the middle of the whole table; inside a filtered one, its last.
            int at = this == NONE || this == PHASE_CERTIFIED ? page : Math.min(page, 1);
            return new CertificationOverview.Query(this == PHASE_CERTIFIED ? Phase.CERTIFIED
                    : this == PHASE_PLAN_DRAFTING ? Phase.PLAN_DRAFTING : null, this == OVERDUE,
                    this == SEARCH ? "comune" : null, sort, descending, at, 25);
        }
    }

    /**
     * The plan of a statement as the application ran it: the one PostgreSQL makes for its values, or the generic
     * one (prepared, {@code plan_cache_mode = force_generic_plan}) that a statement the driver has prepared keeps.
     */
    private static String plan(Recorded.Executed executed, boolean generic) throws Exception {
        // EXPLAIN and EXECUTE take no bound values: the values go in as literals.
        List<String> literals = executed.values().values().stream().map(CertificationOverviewPostgresTest::literal)
                .toList();
        StringBuilder plan = new StringBuilder();
        try (Statement s = database.getConnection().createStatement()) {
            if (!generic) {
                StringBuilder inlined = new StringBuilder();
                int n = 0;
                for (char ch : executed.sql().toCharArray()) {
                    inlined.append(ch == '?' ? literals.get(n++) : String.valueOf(ch));
                }
                read(s.executeQuery("EXPLAIN " + inlined), plan);
                return plan.toString();
            }
            StringBuilder numbered = new StringBuilder();
            int n = 0;
            for (char ch : executed.sql().toCharArray()) {
                numbered.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
            }
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE overview_page AS " + numbered);
            try {
                read(s.executeQuery("EXPLAIN EXECUTE overview_page"
                        + (literals.isEmpty() ? "" : "(" + String.join(", ", literals) + ")")), plan);
            } finally {
                s.execute("DEALLOCATE overview_page");
                s.execute("RESET plan_cache_mode");
            }
        }
        return plan.toString();
    }

    private static String literal(Object value) {
        return value == null ? "NULL" : value instanceof Number ? value.toString()
                : "'" + value.toString().replace("'", "''") + "'";
    }

    private static void read(ResultSet rs, StringBuilder plan) throws Exception {
        try (rs) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
    }

    /** The statements run through a data source, with the values bound to them. */
    private static final class Recorded {

        record Executed(String sql, Map<Integer, Object> values) {

        }

        final List<Executed> executed = new ArrayList<>();

        DataSource of(DataSource real) {
            return proxy(DataSource.class, real, (method, args, result) -> result instanceof Connection connection
                    ? proxy(Connection.class, connection, (m, a, r) -> {
                        if (r instanceof PreparedStatement statement && m.getName().equals("prepareStatement")) {
                            Executed e = new Executed((String) a[0], new LinkedHashMap<>());
                            executed.add(e);
                            return proxy(PreparedStatement.class, statement, (pm, pa, pr) -> {
                                if (pm.getName().startsWith("set") && pa != null && pa.length >= 2
                                        && pa[0] instanceof Integer index) {
                                    e.values().put(index, pm.getName().equals("setNull") ? null : pa[1]);
                                }
                                return pr;
                            });
                        }
                        return r;
                    }) : result);
        }

        interface After {
            Object apply(java.lang.reflect.Method method, Object[] args, Object result) throws Exception;
        }

        @SuppressWarnings("unchecked")
        static <T> T proxy(Class<T> type, T real, After after) {
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
                Object result;
                try {
                    result = method.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                return after.apply(method, args, result);
            });
        }
    }
}
