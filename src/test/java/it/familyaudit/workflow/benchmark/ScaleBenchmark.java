package it.familyaudit.workflow.benchmark;

import static it.familyaudit.workflow.benchmark.Bench.dbPassword;
import static it.familyaudit.workflow.benchmark.Bench.dbUser;
import static it.familyaudit.workflow.benchmark.Bench.freshPostgresDatabase;
import static it.familyaudit.workflow.benchmark.Bench.parallel;
import static it.familyaudit.workflow.benchmark.Bench.pct;
import static it.familyaudit.workflow.benchmark.Bench.user;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same work at 1,000 and at 10,000 certified organisations: each organisation certified through the
 * whole cycle over HTTP (its certificate issued, its monitoring years waiting on their timers), then, at each
 * size, full cycles of new organisations and the task lists and portal pages people open, measured for the
 * CPU they cost the application and PostgreSQL, every statement they ran with its plan ({@code EXPLAIN}),
 * and every table PostgreSQL read whole. A statement that reads whole a table growing with the organisations
 * is named; the CPU per cycle at the two sizes is compared.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark verify -Dit.test=ScaleBenchmark} (about 20 minutes on 2 cores;
 * PostgreSQL loading {@code pg_stat_statements}). Sizes {@code -Dbench.scale.sizes=1000,10000}, measured
 * cycles per client {@code -Dbench.scale.cycles=20}. The plans go to {@code target/scale-benchmark-<size>.txt}.
 */
class ScaleBenchmark {

    private static final String HEAP = System.getProperty("bench.heap", "512m");
    private static final List<Integer> SIZES = Arrays.stream(System.getProperty("bench.scale.sizes", "1000,10000")
            .split(",")).map(String::trim).map(Integer::valueOf).toList();
    private static final int CLIENTS = 10;
    private static final int CYCLES_PER_CLIENT = Integer.getInteger("bench.scale.cycles", 20);
    /** Each consultant and evaluator of the seeded organisations follows this many, as a professional would. */
    private static final int ORGANISATIONS_PER_PROFESSIONAL = 20;
    private static final int PAGE_LOADS = 100;
    /** A table this large at the smaller size is one that grows with the organisations; the engine's own lists are far smaller. */
    private static final long GROWING = 500;
    private static final String PW = ApiDriver.PASSWORD;
    private static final String[] ORDERS = {"NAME", "PHASE", "DAYS_IN_PHASE", "DEADLINE"};

    private final List<String> report = new ArrayList<>();

    /** What one size measured. */
    record Size(int organisations, double appMs, double appJitMs, double postgresMs, double statements,
            List<String> scanningStatements, List<String> readWholeByCycles, List<String> readWholeByPages) {
    }

    @Test
    void theSameWorkCostsTheSameWithTenTimesTheOrganisations() throws Exception {
        String db = freshPostgresDatabase("family_audit_scale");
        Map<String, String> env = Map.of("DB_URL", db, "DB_USER", dbUser(), "DB_PASSWORD", dbPassword());
        List<Size> sizes = new ArrayList<>();
        try (AppProcess app = AppProcess.start(HEAP, env, "--spring.profiles.active=demo,postgres",
                // One load generator at one address verifies a code a hundred times: no throttle for it.
                "--family-audit.portal.verifications-per-minute=1000000")) {
            Http http = new Http(app.port);
            CpuMeter cpu = new CpuMeter(app.pid());
            int certified = 0;
            for (int size : SIZES) {
                long t0 = System.nanoTime();
                certifyOrganisations(http, certified, size - certified);
                report.add(String.format(Locale.ROOT, "certified organisations %d → %d in %.0f s", certified, size,
                        (System.nanoTime() - t0) / 1e9));
                certified = size;
                sizes.add(measure(http, cpu, db, app.port, size));
                certified += CLIENTS * CYCLES_PER_CLIENT;
            }
        }
        compare(sizes);
        System.out.println("\n==== Family Audit scale benchmark (heap " + HEAP + ", "
                + Runtime.getRuntime().availableProcessors() + " cores) ====\n" + String.join("\n", report) + "\n");
    }

    /** {@code count} more organisations through the whole cycle, 10 at a time, each professional following 20. */
    private static void certifyOrganisations(Http http, int from, int count) throws Exception {
        for (int p = from / ORGANISATIONS_PER_PROFESSIONAL; p * ORGANISATIONS_PER_PROFESSIONAL < from + count; p++) {
            if (p * ORGANISATIONS_PER_PROFESSIONAL >= from) {
                user(http, "consultant-s" + p, "consultant");
                user(http, "evaluator-s" + p, "evaluator");
            }
        }
        parallel(CLIENTS, count, i -> {
            int n = from + i;
            String org = Cycles.organisation(http, "scale" + n);
            int p = n / ORGANISATIONS_PER_PROFESSIONAL;
            Cycles.certify(http, org, "consultant-s" + p, "evaluator-s" + p, kickoff(n));
        });
    }

    private Size measure(Http http, CpuMeter cpu, String db, int port, int size) throws Exception {
        report.add("");
        report.add("== " + size + " certified organisations ==");
        vacuum(db);
        // Each client's cycles: new organisations and a consultant and an evaluator of its own, the same at every size.
        List<List<String>> orgs = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            user(http, "consultant-m" + size + "-" + c, "consultant");
            user(http, "evaluator-m" + size + "-" + c, "evaluator");
            List<String> ofClient = new ArrayList<>();
            for (int i = 0; i < CYCLES_PER_CLIENT; i++) {
                ofClient.add(Cycles.organisation(http, "m" + size + "-" + c + "-" + i));
            }
            orgs.add(ofClient);
        }
        QueryPlans plans = QueryPlans.start(db);
        CpuMeter.Reading start = cpu.read();
        long t0 = System.nanoTime();
        parallel(CLIENTS, CLIENTS, c -> {
            for (int i = 0; i < orgs.get(c).size(); i++) {
                Cycles.certify(http, orgs.get(c).get(i), "consultant-m" + size + "-" + c, "evaluator-m" + size + "-" + c,
                        kickoff(c * CYCLES_PER_CLIENT + i));
            }
        });
        double wall = (System.nanoTime() - t0) / 1e9;
        CpuMeter.Reading used = cpu.read().minus(start);
        int cycles = CLIENTS * CYCLES_PER_CLIENT;
        awaitTableStatistics();
        Map<String, Long> growing = plans.tablesOfAtLeast(GROWING * size / SIZES.get(0));
        List<QueryPlans.Executed> statements = plans.statements(cycles);
        List<QueryPlans.TableScan> scans = plans.tableScans(cycles);
        double app = (used.app() - used.appCompiler()) * 1000 / cycles;
        double jit = used.appCompiler() * 1000 / cycles;
        double postgres = used.postgres() * 1000 / cycles;
        double perCycle = statements.stream().mapToDouble(QueryPlans.Executed::callsPerCycle).sum();
        report.add(String.format(Locale.ROOT, "full cycle, %d clients × %d cycles: %.1f cycles/s; CPU per cycle: application %.0f ms"
                + " (+ JIT compiler %.0f ms), PostgreSQL %.0f ms; %.0f statements per cycle (%d distinct)",
                CLIENTS, CYCLES_PER_CLIENT, cycles / wall, app, jit, postgres, perCycle, statements.size()));
        List<String> scanning = describe("cycle", statements, scans, growing, size);

        // The pages people open, at this size, each kind in a window of its own so that what PostgreSQL read
        // whole is told apart: signing in to the portal (which signs in to Camunda's webapps too), the pages, and
        // the agency's table searched by part of a name.
        String org = orgs.get(0).get(0);
        QueryPlans signInPlans = QueryPlans.start(db);
        PortalBrowser agency = new PortalBrowser(port).signIn("agency", "agency-demo");
        PortalBrowser referent = new PortalBrowser(port).signIn("ref-" + org, PW);
        awaitTableStatistics();
        List<QueryPlans.TableScan> signInScans = signInPlans.tableScans(1);
        describe("sign-in", signInPlans.statements(1), signInScans, growing, size);

        QueryPlans pagePlans = QueryPlans.start(db);
        pages(http, port, agency, referent, org, size);
        awaitTableStatistics();
        List<QueryPlans.TableScan> pageScans = pagePlans.tableScans(1);
        scanning.addAll(describe("pages", pagePlans.statements(1), pageScans, growing, size));

        QueryPlans searchPlans = QueryPlans.start(db);
        report.add(figure("portal, the agency's table searched", i -> agency.page("/?cerca=scale" + (i * 37 % size)
                + "&ordina=" + ORDERS[i % 4], 200)));
        awaitTableStatistics();
        describe("search", searchPlans.statements(1), searchPlans.tableScans(1), growing, size);
        return new Size(size, app, jit, postgres, perCycle, scanning, readWhole(scans, growing),
                readWhole(pageScans, growing));
    }

    /**
     * Kick-offs spread over the last 120 days, as organisations start their cycles through the year: on one day
     * all, every cycle would share its evaluation deadline, and sorting by deadline would mean sorting by name.
     */
    private static LocalDate kickoff(int n) {
        return LocalDate.now().minusDays(n % 120);
    }

    private static List<String> readWhole(List<QueryPlans.TableScan> scans, Map<String, Long> growing) {
        return scans.stream().map(QueryPlans.TableScan::table)
                .filter(t -> growing.containsKey(t.toLowerCase(Locale.ROOT))).toList();
    }

    /**
     * Task lists (referent, evaluator, agency, council) and the portal's pages (the agency's table of every
     * organisation in each order, a certification's page, a referent's home, a certificate's verification), each
     * loaded {@value #PAGE_LOADS} times; their p50 and p95.
     */
    private void pages(Http http, int port, PortalBrowser agency, PortalBrowser referent, String org, int size)
            throws Exception {
        String evaluator = "evaluator-m" + size + "-0";
        report.add(figure("my tasks, referent", i -> http.get("ref-" + org, PW, "/api/tasks?page=0&size=50")));
        report.add(figure("my tasks, evaluator", i -> http.get(evaluator, PW, "/api/tasks?page=0&size=50")));
        report.add(figure("my tasks, agency", i -> http.get("agency", "agency-demo", "/api/tasks?page=" + i % 3 + "&size=50")));
        report.add(figure("my tasks, council", i -> http.get("council", "council-demo", "/api/tasks?page=0&size=50")));
        List<Long> certified = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (JsonNode c : http.get("ref-" + org, PW, "/api/certifications")) {
            certified.add(c.path("id").asLong());
            codes.add(c.path("certificate").path("verificationCode").asText());
        }
        report.add(figure("portal, the agency's table", i -> agency.page("/?pagina=" + (1 + i % 20) + "&ordina="
                + ORDERS[i % 4] + (i % 7 == 0 ? "&fase=CERTIFIED" : ""), 200)));
        report.add(figure("portal, a certification's page", i -> agency.page("/certificazioni/" + certified.get(0), 200)));
        report.add(figure("portal, the referent's home", i -> referent.page("/", 200)));
        PortalBrowser stranger = new PortalBrowser(port);
        report.add(figure("portal, verification of a certificate", i -> stranger.page("/verifica?codice=" + codes.get(0), 200)));
    }

    private static String figure(String what, Bench.Work page) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < PAGE_LOADS; i++) {
            long t = System.nanoTime();
            page.run(i);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        return String.format(Locale.ROOT, "%-42s p50 %6.1f ms, p95 %6.1f ms", what + ":", pct(ms, 50), pct(ms, 95));
    }

    /**
     * Writes every statement with its plan to {@code target/scale-benchmark-<size>-<phase>.txt}, reports the
     * tables read whole, and returns the statements whose plans read a growing table whole.
     */
    private List<String> describe(String phase, List<QueryPlans.Executed> statements, List<QueryPlans.TableScan> scans,
            Map<String, Long> growing, int size) throws Exception {
        StringBuilder file = new StringBuilder();
        List<String> scanning = new ArrayList<>();
        for (QueryPlans.Executed s : statements) {
            List<String> tables = s.scans(growing);
            file.append(String.format(Locale.ROOT, "-- %.2f calls/cycle, %.3f ms/cycle, %.1f rows/call%s%n%s%n%s%n",
                    s.callsPerCycle(), s.msPerCycle(), s.rowsPerCall(),
                    tables.isEmpty() ? "" : ", READS WHOLE " + String.join(", ", tables), s.sql(), s.plan()));
            if (!tables.isEmpty()) {
                scanning.add(phase + ": " + String.join(", ", tables) + " ← " + oneLine(s.sql()));
            }
        }
        Path out = Path.of("target", "scale-benchmark-" + size + "-" + phase + ".txt");
        Files.writeString(out, file, StandardCharsets.UTF_8);
        report.add(String.format(Locale.ROOT, "%s: %d distinct statements, plans in %s", phase, statements.size(), out));
        if (scans.stream().noneMatch(t -> growing.containsKey(t.table().toLowerCase(Locale.ROOT)))) {
            report.add("  no table of " + growing.size() + " holding " + GROWING * size / SIZES.get(0)
                    + " rows or more was read whole (PostgreSQL's own counts)");
        }
        for (QueryPlans.TableScan t : scans) {
            if (growing.containsKey(t.table().toLowerCase(Locale.ROOT))) {
                report.add(String.format(Locale.ROOT, "  READ WHOLE by PostgreSQL: %s %.2f times, %.0f rows (table: %d rows)%s", t.table(),
                        t.scansPerCycle(), t.rowsReadPerCycle(), t.rows(), phase.equals("cycle") ? " per cycle" : ""));
            }
        }
        for (String s : scanning) {
            report.add("  its generic plan (any values) would read a growing table whole: " + s);
        }
        return scanning;
    }

    private void compare(List<Size> sizes) {
        if (sizes.size() < 2) {
            return;
        }
        Size small = sizes.get(0);
        Size large = sizes.get(sizes.size() - 1);
        report.add("");
        report.add(String.format(Locale.ROOT, "== %d against %d certified organisations ==", large.organisations(),
                small.organisations()));
        report.add(String.format(Locale.ROOT, "CPU per cycle, application: %.0f → %.0f ms (%+.1f %%)", small.appMs(),
                large.appMs(), change(small.appMs(), large.appMs())));
        report.add(String.format(Locale.ROOT, "CPU per cycle, PostgreSQL:  %.0f → %.0f ms (%+.1f %%)", small.postgresMs(),
                large.postgresMs(), change(small.postgresMs(), large.postgresMs())));
        double a = small.appMs() + small.postgresMs();
        double b = large.appMs() + large.postgresMs();
        report.add(String.format(Locale.ROOT, "CPU per cycle, both:        %.0f → %.0f ms (%+.1f %%, target within ±10 %%)",
                a, b, change(a, b)));
        report.add(String.format(Locale.ROOT, "statements per cycle: %.0f → %.0f", small.statements(), large.statements()));
        report.add(String.format(Locale.ROOT, "growing tables PostgreSQL read whole, cycles: %s → %s; pages: %s → %s",
                small.readWholeByCycles(), large.readWholeByCycles(), small.readWholeByPages(), large.readWholeByPages()));
        report.add(String.format(Locale.ROOT, "statements whose generic plan would read a growing table whole: %d → %d",
                small.scanningStatements().size(), large.scanningStatements().size()));
    }

    private static double change(double before, double after) {
        return (after - before) * 100 / before;
    }

    /** Backends report table statistics within ten seconds of going idle (PostgreSQL 15's PGSTAT_IDLE_INTERVAL). */
    private static void awaitTableStatistics() throws InterruptedException {
        Thread.sleep(11_000);
    }

    /** What autovacuum does on a live server, which the benchmark's server may not run. */
    private static void vacuum(String database) throws Exception {
        try (Connection c = Bench.connect(database)) {
            c.createStatement().execute("VACUUM ANALYZE");
        }
    }

    private static String oneLine(String sql) {
        String line = sql.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
