package it.familyaudit.workflow.benchmark;

import static it.familyaudit.workflow.benchmark.Bench.ADMIN;
import static it.familyaudit.workflow.benchmark.Bench.ADMIN_PASSWORD;
import static it.familyaudit.workflow.benchmark.Bench.complete;
import static it.familyaudit.workflow.benchmark.Bench.freshPostgresDatabase;
import static it.familyaudit.workflow.benchmark.Bench.mean;
import static it.familyaudit.workflow.benchmark.Bench.parallel;
import static it.familyaudit.workflow.benchmark.Bench.pct;
import static it.familyaudit.workflow.benchmark.Bench.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The speed targets, measured against the application as docker/Dockerfile ships it
 * (extracted jar with a class-data-sharing archive) in its own JVM with -Xmx512m,
 * over HTTP only: start-up on H2; full cycles at 10 concurrent clients and "my tasks" with
 * 20,000 open tasks across 2,000 organisations, both on PostgreSQL. Prints the figures.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark verify} (PostgreSQL at DB_URL's server, default 127.0.0.1:5432
 * with user postgres; the benchmark creates its own database). {@code -Dbench.skipStartup} leaves
 * out the H2 start-ups; smaller {@code bench.organisations}/{@code bench.tasks} make it quicker. The
 * cycles are measured twice (after 5 and after 100 cycles per client, {@code bench.warmupCycles}).
 */
class CertificationBenchmark {

    private static final String HEAP = System.getProperty("bench.heap", "512m");
    private static final int ORGANISATIONS = Integer.getInteger("bench.organisations", 2000);
    private static final int OPEN_TASKS = Integer.getInteger("bench.tasks", 20000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 10);
    private static final int CYCLES_PER_CLIENT = Integer.getInteger("bench.cycles", 10);
    /**
     * Before each measured round, how many cycles each client has run in all: a server just started,
     * then one warm. The JIT compiler keeps compiling for a thousand cycles or so (a method called once
     * per request reaches C2 only after thousands of calls), taking a quarter of the application's CPU
     * until then, and runs code not yet compiled by C2 slower.
     */
    private static final List<Integer> ROUNDS = Arrays.stream(System.getProperty("bench.warmupCycles", "5,100").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private static final int QUERIES = Integer.getInteger("bench.queries", 500);

    private final List<String> report = new ArrayList<>();

    @Test
    void measureTheTargets() throws Exception {
        if (!Boolean.getBoolean("bench.skipStartup")) {
            startupOnH2();
        }
        String db = freshPostgresDatabase("family_audit_bench");
        Map<String, String> env = Map.of("DB_URL", db, "DB_USER", System.getenv().getOrDefault("DB_USER", "postgres"),
                "DB_PASSWORD", System.getenv().getOrDefault("DB_PASSWORD", ""));
        try (AppProcess app = AppProcess.start(HEAP, env, "--spring.profiles.active=demo,postgres",
                // One load generator at one address verifies thousands of codes: no throttle for it.
                "--family-audit.portal.verifications-per-minute=1000000")) {
            Http http = new Http(app.port);
            report.add(String.format(Locale.ROOT, "start-up on PostgreSQL (empty database): %.1f s", app.reportedStartSeconds));
            report.add("PostgreSQL server: " + serverSettings(db));
            seed(http, db);
            myTasks(http);
            fullCycles(http, new CpuMeter(app.pid()), db);
            portal(http, app);
        }
        System.out.println("\n==== Family Audit benchmark (heap " + HEAP + ", " + Runtime.getRuntime().availableProcessors()
                + " cores) ====\n" + String.join("\n", report) + "\n");
    }

    /** As shipped (docker/Dockerfile), then as a plain {@code java -jar}, each on a new and an existing database. */
    private void startupOnH2() throws Exception {
        for (AppProcess.Launch launch : AppProcess.Launch.values()) {
            Path dir = Files.createTempDirectory("family-audit-h2");
            String url = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
            for (String when : List.of("new database", "existing database")) {
                try (AppProcess app = AppProcess.start(launch, HEAP, Map.of(), "--spring.profiles.active=demo", url)) {
                    report.add(String.format(Locale.ROOT, "start-up on H2, %s (%s): %.1f s reported by Spring, %.1f s until healthy",
                            launch == AppProcess.Launch.SHIPPED ? "as shipped" : "plain jar", when,
                            app.reportedStartSeconds, app.healthySeconds));
                }
            }
        }
    }


    /** 2,000 organisations, each with a certification at its first task, and standalone tasks up to 20,000. */
    private void seed(Http http, String database) throws Exception {
        long t0 = System.nanoTime();
        parallel(8, ORGANISATIONS, i -> {
            String org = "bench" + i;
            http.post("agency", "agency-demo", "/api/organizations",
                    Map.of("code", org, "name", "Comune di prova " + i, "kind", "MUNICIPALITY"));
            user(http, org, "ref-" + org, "referent");
            http.post("ref-" + org, ApiDriver.PASSWORD, "/api/certifications", null);
        });
        // Other processes (monitoring rounds, the questionnaire) will add tasks of every role:
        // standalone tasks with the same tenant and candidate groups load the query the same way.
        String[] groups = {"referent", "referent", "referent", "management", "management", "working-group",
                "working-group", "agency", "council"};
        int extra = OPEN_TASKS - ORGANISATIONS;
        parallel(8, extra, i -> {
            String id = "bench-task-" + i;
            http.post(ADMIN, ADMIN_PASSWORD, "/engine-rest/task/create", Map.of("id", id,
                    "name", "Attività di prova " + i, "tenantId", "bench" + (i % ORGANISATIONS),
                    "due", LocalDate.now().plusDays(i % 90) + "T00:00:00.000+0000"));
            http.post(ADMIN, ADMIN_PASSWORD, "/engine-rest/task/" + id + "/identity-links",
                    Map.of("groupId", groups[i % groups.length], "type", "candidate"));
        });
        vacuum(database);
        JsonNode count = http.get(ADMIN, ADMIN_PASSWORD, "/engine-rest/task/count");
        assertThat(count.path("count").asInt()).isGreaterThanOrEqualTo(OPEN_TASKS);
        report.add(String.format(Locale.ROOT, "seeded %d organisations and %d open tasks in %.0f s",
                ORGANISATIONS, count.path("count").asInt(), (System.nanoTime() - t0) / 1e9));
    }

    private void myTasks(Http http) throws Exception {
        for (String[] who : List.of(new String[] {"ref-bench7", ApiDriver.PASSWORD, "referent of one organisation"},
                new String[] {"agency", "agency-demo", "agency (all organisations)"},
                new String[] {"council", "council-demo", "council (all organisations)"})) {
            for (int i = 0; i < 50; i++) {
                http.get(who[0], who[1], "/api/tasks");
            }
            List<Double> ms = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < QUERIES; i++) {
                long t = System.nanoTime();
                JsonNode page = http.get(who[0], who[1], "/api/tasks?page=" + (i % 3) + "&size=50");
                ms.add((System.nanoTime() - t) / 1e6);
                total = page.path("total").asLong();
            }
            report.add(String.format(Locale.ROOT, "my tasks, %-28s (%5d tasks): p50 %5.1f ms, p95 %5.1f ms, p99 %5.1f ms",
                    who[2], total, pct(ms, 50), pct(ms, 95), pct(ms, 99)));
        }
    }

    /**
     * The portal over HTTP, with 2,000 organisations and the certified ones of the cycles: the agency's
     * table (varying page, order and search), a certification's page, a task's page, and the public verification of
     * a certificate's code; and the heap the portal's load leaves, after a full collection.
     */
    private void portal(Http http, AppProcess app) throws Exception {
        List<Long> certified = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (JsonNode c : http.get("agency", "agency-demo", "/api/certifications")) {
            if (c.has("certificate")) {
                certified.add(c.path("id").asLong());
                codes.add(c.path("certificate").path("verificationCode").asText());
            }
        }
        long heapBefore = heapAfterFullGc(app.pid());
        PortalBrowser agency = new PortalBrowser(app.port).signIn("agency", "agency-demo");
        String[] orders = {"NAME", "PHASE", "DAYS_IN_PHASE", "DEADLINE"};
        report.add(portalFigure("portal, the agency's table of every organisation", i -> agency.page(
                "/?pagina=" + (1 + i % 80) + "&ordina=" + orders[i % 4] + (i % 5 == 0 ? "&cerca=prova%20" + i % 100 : "")
                        + (i % 7 == 0 ? "&fase=CERTIFIED" : ""), 200)));
        report.add(portalFigure("portal, a certification's page", i -> agency.page(
                "/certificazioni/" + certified.get(i % certified.size()), 200)));
        // A task with its form: the referent's application (the seeded standalone tasks have no form).
        List<String> formTasks = new ArrayList<>();
        http.get("ref-bench7", ApiDriver.PASSWORD, "/api/tasks?page=0&size=50").path("tasks").forEach(t -> {
            if (!t.path("formId").asText("").isEmpty()) {
                formTasks.add(t.path("id").asText());
            }
        });
        PortalBrowser referent = new PortalBrowser(app.port).signIn("ref-bench7", ApiDriver.PASSWORD);
        report.add(portalFigure("portal, a task's page with its form and context", i -> referent.page(
                "/attivita/" + formTasks.get(i % formTasks.size()), 200)));
        PortalBrowser stranger = new PortalBrowser(app.port);
        report.add(portalFigure("portal, public verification of a certificate", i -> stranger.page(
                "/verifica?codice=" + codes.get(i % codes.size()), 200)));
        long heapAfter = heapAfterFullGc(app.pid());
        report.add(String.format(Locale.ROOT, "portal: heap used after a full collection %d MB before its load, %d MB after"
                + " (%+d MB)", heapBefore / 1_048_576, heapAfter / 1_048_576, (heapAfter - heapBefore) / 1_048_576));
    }

    private String portalFigure(String what, Bench.Work page) throws Exception {
        for (int i = 0; i < 50; i++) {
            page.run(i);
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            long t = System.nanoTime();
            page.run(i);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        return String.format(Locale.ROOT, "%-50s p50 %5.1f ms, p95 %5.1f ms, p99 %5.1f ms", what + ":", pct(ms, 50),
                pct(ms, 95), pct(ms, 99));
    }

    /** The application's used heap, in bytes, right after a full collection ({@code jcmd}, from the JDK). */
    private static long heapAfterFullGc(long pid) throws Exception {
        run("jcmd", Long.toString(pid), "GC.run");
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("No heap figure in: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    /** The server's version and the settings that move its figures, which the benchmark does not choose. */
    private static String serverSettings(String database) throws Exception {
        try (Connection c = Bench.connect(database); ResultSet rs = c.createStatement().executeQuery("""
                SELECT current_setting('server_version'), current_setting('shared_buffers'),
                       current_setting('autovacuum'), current_setting('synchronous_commit')""")) {
            rs.next();
            return String.format(Locale.ROOT, "%s, shared_buffers %s, autovacuum %s, synchronous_commit %s",
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        }
    }

    /**
     * A live server's autovacuum removes the rows that the engine's churn leaves dead (every task, variable
     * and authorization is inserted and deleted again) and keeps the planner's statistics current; the
     * benchmark's server may run without it, so the benchmark does it where autovacuum would have.
     */
    private static void vacuum(String database) throws Exception {
        try (Connection c = Bench.connect(database)) {
            c.createStatement().execute("VACUUM ANALYZE");
        }
    }

    private void fullCycles(Http http, CpuMeter cpu, String database) throws Exception {
        // An evaluator keeps access to the organisations they certified for the years of monitoring: one
        // evaluator for every cycle would end up in thousands of organisations. Each client has its own pair.
        for (int c = 0; c < CLIENTS; c++) {
            user(http, consultant(c), "consultant");
            user(http, evaluator(c), "evaluator");
        }
        int done = 0;
        for (int round = 0; round < ROUNDS.size(); round++) {
            int warmup = Math.max(0, ROUNDS.get(round) - done);
            // A certified organisation stays in its cycle for the three years of monitoring: every cycle, warm-up
            // included, is a first certification of an organisation of its own, registered before the clock starts.
            runClients(http, organisations(http, "warmup" + round + "-", warmup));
            List<List<String>> measured = organisations(http, "cycle" + round + "-", CYCLES_PER_CLIENT);
            vacuum(database);
            measureCycles(http, cpu, database, measured, done + warmup);
            done += warmup + CYCLES_PER_CLIENT;
        }
    }

    private void measureCycles(Http http, CpuMeter cpu, String database, List<List<String>> measured, int before)
            throws Exception {
        Statements statements = Statements.startCounting(database);
        CpuMeter.Reading start = cpu.read();
        long t0 = System.nanoTime();
        List<Double> seconds = runClients(http, measured);
        double wall = (System.nanoTime() - t0) / 1e9;
        CpuMeter.Reading used = cpu.read().minus(start);
        int cycles = seconds.size();
        report.add(String.format(Locale.ROOT,
                "full cycle application -> certificate, %d clients x %d cycles, after %d cycles per client: mean %.2f s, p95 %.2f s, max %.2f s per cycle; %.1f cycles/s",
                CLIENTS, CYCLES_PER_CLIENT, before, mean(seconds), pct(seconds, 95),
                pct(seconds, 100), cycles / wall));
        report.add(String.format(Locale.ROOT,
                "  CPU per cycle: application %.0f ms (its JIT compiler %.0f ms), PostgreSQL %.0f ms, load generator %.0f ms, whole machine %.0f ms; machine busy %.0f%% of %d cores",
                used.app() * 1000 / cycles, used.appCompiler() * 1000 / cycles, used.postgres() * 1000 / cycles, used.client() * 1000 / cycles,
                used.machineBusy() * 1000 / cycles,
                used.machineBusy() * 100 / wall / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors()));
        statements.report(cycles, report);
    }

    /** For each client, {@code perClient} new organisations named after {@code prefix}. */
    private static List<List<String>> organisations(Http http, String prefix, int perClient) throws Exception {
        List<List<String>> orgs = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<String> ofClient = new ArrayList<>();
            for (int i = 0; i < perClient; i++) {
                ofClient.add(Cycles.organisation(http, prefix + c + "-" + i));
            }
            orgs.add(ofClient);
        }
        return orgs;
    }

    /** One client per list, all at once, each certifying its organisations one after the other; seconds per cycle. */
    private static List<Double> runClients(Http http, List<List<String>> orgs) throws Exception {
        List<Double> seconds = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(orgs.size());
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < orgs.size(); c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (String org : orgs.get(client)) {
                        long t = System.nanoTime();
                        Cycles.certify(http, org, consultant(client), evaluator(client));
                        seconds.add((System.nanoTime() - t) / 1e9);
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return seconds;
    }

    private static String consultant(int client) {
        return "consultant-" + client;
    }

    private static String evaluator(int client) {
        return "evaluator-" + client;
    }
}
