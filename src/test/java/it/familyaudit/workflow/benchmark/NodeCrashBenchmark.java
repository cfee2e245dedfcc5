package it.familyaudit.workflow.benchmark;

import static it.familyaudit.workflow.benchmark.Bench.dbPassword;
import static it.familyaudit.workflow.benchmark.Bench.dbUser;
import static it.familyaudit.workflow.benchmark.Bench.freshPostgresDatabase;
import static it.familyaudit.workflow.benchmark.Bench.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PostgreSQL database under load, as behind a load balancer: each node in turn is
 * killed with {@code kill -9} (SIGKILL: no shutdown, transactions cut mid-way) and started again, and, with
 * {@code -Dbench.crash.restartDatabase="pg_ctlcluster 15 main restart"}, the database itself is restarted under
 * the same load. Clients send each request to the next node and, when a node does not answer (or answers 503), to
 * the other: what a balancer does. At the end every organisation must hold exactly one certification and one
 * certificate, every certificate number once, no incident; and no answer may have been a 500.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark verify -Dit.test=NodeCrashBenchmark} (about 3 minutes on 2 cores).
 * {@code -Dbench.crash.organisations=500}.
 */
class NodeCrashBenchmark {

    private static final String HEAP = System.getProperty("bench.heap", "512m");
    private static final int ORGANISATIONS = Integer.getInteger("bench.crash.organisations", 500);
    private static final int CLIENTS = 10;
    private static final String RESTART_DATABASE = System.getProperty("bench.crash.restartDatabase", "");
    private static final String PW = ApiDriver.PASSWORD;

    private final AtomicReferenceArray<Http> nodes = new AtomicReferenceArray<>(2);
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger certified = new AtomicInteger();
    /** When the database came back (nanoTime), and the first successful answer after it. */
    private final AtomicLong databaseBack = new AtomicLong();
    private final AtomicLong firstSuccessAfterDatabase = new AtomicLong();
    private final List<String> report = new ArrayList<>();

    @Test
    void killingANodeUnderLoadLosesAndDoublesNoCertificate() throws Exception {
        String db = freshPostgresDatabase("family_audit_crash");
        Map<String, String> env = Map.of("DB_URL", db, "DB_USER", dbUser(), "DB_PASSWORD", dbPassword());
        String[] args = {"--spring.profiles.active=demo,postgres"};
        AppProcess[] apps = {AppProcess.start(HEAP, env, args), null};
        apps[1] = AppProcess.start(HEAP, env, args);
        try {
            for (int n = 0; n < 2; n++) {
                nodes.set(n, new Http(apps[n].port));
            }
            Http setup = nodes.get(0);
            for (int c = 0; c < CLIENTS; c++) {
                user(setup, "consultant-k" + c, "consultant");
                user(setup, "evaluator-k" + c, "evaluator");
            }
            List<String> orgs = new ArrayList<>();
            for (int i = 0; i < ORGANISATIONS; i++) {
                orgs.add(Cycles.organisation(setup, "crash" + i));
            }
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < orgs.size(); i = next.getAndIncrement()) {
                        certify(orgs.get(i), "consultant-k" + client, "evaluator-k" + client);
                        certified.incrementAndGet();
                    }
                    return null;
                }));
            }
            // The database restarted first (when asked), under the load of both nodes.
            if (!RESTART_DATABASE.isBlank()) {
                awaitCertified(ORGANISATIONS / 10, running);
                long before = System.nanoTime();
                Process restart = new ProcessBuilder("sh", "-c", RESTART_DATABASE).inheritIO().start();
                assertThat(restart.waitFor()).as("the database's restart command").isZero();
                databaseBack.set(System.nanoTime());
                report.add(String.format(Locale.ROOT, "database restarted (%s) in %.1f s, after %d certificates",
                        RESTART_DATABASE, (databaseBack.get() - before) / 1e9, certified.get()));
            }
            // Node A killed after a sixth of the organisations, node B a sixth more after A is back; each started
            // again at once (on a new port), while the clients go on with the other.
            for (int victim = 0; victim < 2; victim++) {
                awaitCertified(certified.get() + ORGANISATIONS / 6, running);
                long pid = apps[victim].pid();
                new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
                report.add(String.format(Locale.ROOT, "kill -9 of node %s (pid %d) after %d certificates, under %d clients",
                        victim == 0 ? "A" : "B", pid, certified.get(), CLIENTS));
                nodes.set(victim, null);
                apps[victim].close();
                apps[victim] = AppProcess.start(HEAP, env, args);
                nodes.set(victim, new Http(apps[victim].port));
                report.add(String.format(Locale.ROOT, "node %s started again (%.1f s until healthy), %d certificates by then",
                        victim == 0 ? "A" : "B", apps[victim].healthySeconds, certified.get()));
            }
            for (Future<?> f : running) {
                f.get(15, TimeUnit.MINUTES);
            }
            clients.shutdown();
            report.add(String.format(Locale.ROOT, "%d organisations certified in %.0f s", ORGANISATIONS,
                    (System.nanoTime() - t0) / 1e9));
            if (firstSuccessAfterDatabase.get() > 0) {
                report.add(String.format(Locale.ROOT, "first successful answer %.1f s after the database was back",
                        (firstSuccessAfterDatabase.get() - databaseBack.get()) / 1e9));
            }
        } finally {
            for (AppProcess app : apps) {
                if (app != null) {
                    app.close();
                }
            }
        }
        report.add("answers by status: " + new java.util.TreeMap<>(statuses) + "; requests a node did not answer"
                + " (killed, or refusing while it started), sent again to the other: " + unanswered.get());
        verify(db);
        System.out.println("\n==== Family Audit node crash benchmark ====\n" + String.join("\n", report) + "\n");
        assertThat(statuses.getOrDefault(500, new AtomicInteger()).get()).as("500 answers").isZero();
    }

    /** Every organisation: one certification, certified, one certificate; every number once; no incident. */
    private void verify(String db) throws Exception {
        try (Connection c = Bench.connect(db); Statement s = c.createStatement()) {
            long certifications = count(s, """
                    SELECT COUNT(*) FROM fa_certification c JOIN fa_organization o ON o.id = c.organization_id
                    WHERE o.code LIKE 'crash%'""");
            long certifiedOnes = count(s, """
                    SELECT COUNT(*) FROM fa_certification c JOIN fa_organization o ON o.id = c.organization_id
                    WHERE o.code LIKE 'crash%' AND c.status = 'CERTIFIED'""");
            long certificates = count(s, """
                    SELECT COUNT(*) FROM fa_certificate f JOIN fa_certification c ON c.id = f.certification_id
                    JOIN fa_organization o ON o.id = c.organization_id WHERE o.code LIKE 'crash%'""");
            long numbers = count(s, """
                    SELECT COUNT(DISTINCT f.number) FROM fa_certificate f JOIN fa_certification c ON c.id = f.certification_id
                    JOIN fa_organization o ON o.id = c.organization_id WHERE o.code LIKE 'crash%'""");
            long grantedWithoutCertificate = count(s, """
                    SELECT COUNT(*) FROM fa_certification c JOIN fa_organization o ON o.id = c.organization_id
                    WHERE o.code LIKE 'crash%' AND c.status = 'CERTIFIED'
                      AND NOT EXISTS (SELECT 1 FROM fa_certificate f WHERE f.certification_id = c.id)""");
            long incidents = count(s, "SELECT COUNT(*) FROM act_ru_incident");
            long processes = count(s, """
                    SELECT COUNT(*) FROM fa_certification c JOIN fa_organization o ON o.id = c.organization_id
                    WHERE o.code LIKE 'crash%' AND EXISTS
                      (SELECT 1 FROM act_ru_execution e WHERE e.proc_inst_id_ = c.process_instance_id)""");
            report.add(String.format(Locale.ROOT, "organisations %d: certifications %d, certified %d, certificates %d"
                    + " (distinct numbers %d), certified without a certificate %d, their processes still running"
                    + " (the monitoring years) %d, incidents %d", ORGANISATIONS, certifications, certifiedOnes,
                    certificates, numbers, grantedWithoutCertificate, processes, incidents));
            assertThat(certifications).as("one certification per organisation").isEqualTo(ORGANISATIONS);
            assertThat(certifiedOnes).as("all certified").isEqualTo(ORGANISATIONS);
            assertThat(certificates).as("one certificate each: none lost, none doubled").isEqualTo(ORGANISATIONS);
            assertThat(numbers).as("every number once").isEqualTo(ORGANISATIONS);
            assertThat(grantedWithoutCertificate).isZero();
            assertThat(processes).as("each certification's process waits for its monitoring").isEqualTo(ORGANISATIONS);
            assertThat(incidents).isZero();
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Until {@code atLeast} organisations are certified, or every client is done; a client that failed ends the
     * wait with its failure.
     */
    private void awaitCertified(int atLeast, List<Future<?>> clients) throws Exception {
        while (certified.get() < atLeast) {
            boolean allDone = true;
            for (Future<?> client : clients) {
                if (client.isDone()) {
                    client.get();
                } else {
                    allDone = false;
                }
            }
            if (allDone) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /**
     * One organisation to its certificate, whatever was done before a node died: each round reads where the
     * certification stands and does the next step; a step a dead node did after all answers 404 or 409 when
     * done again, and the next reading moves on.
     */
    private void certify(String org, String consultant, String evaluator) throws Exception {
        String ref = "ref-" + org;
        long id = start(ref);
        for (int round = 0; round < 500; round++) {
            JsonNode view = call(ref, PW, "GET", "/api/certifications/" + id, null).body();
            if ("CERTIFIED".equals(view.path("status").asText())) {
                return;
            }
            JsonNode open = view.path("openTasks");
            if (open.isEmpty()) {
                continue;
            }
            JsonNode task = open.get(0);
            String key = task.path("taskKey").asText();
            if (key.equals("CollectQuestionnaireAnswersTask")) {
                // The referent closes the campaign early, as the other benchmarks do.
                call(ref, PW, "POST", "/api/certifications/" + id + "/questionnaire/closure", null);
                continue;
            }
            String[] who = switch (key) {
                case "SubmitApplicationTask", "OpenQuestionnaireCampaignTask" -> new String[] {ref, PW};
                case "RecordPaymentTask", "AssignProfessionalsTask" -> new String[] {"agency", "agency-demo"};
                case "RecordKickoffWorkshopTask" -> new String[] {consultant, PW};
                case "FormWorkingGroupTask", "ApprovePlanTask" -> new String[] {"mgm-" + org, PW};
                case "DraftPlanTask" -> new String[] {"wg-" + org, PW};
                case "RecordEvaluationVisitTask" -> new String[] {evaluator, PW};
                case "DecideCertificationTask" -> new String[] {"council", "council-demo"};
                default -> throw new IllegalStateException("Unexpected task " + key + " of " + org);
            };
            Map<String, ?> values = switch (key) {
                case "SubmitApplicationTask" -> ApiDriver.application(120);
                case "RecordPaymentTask" -> ApiDriver.payment(1000);
                case "AssignProfessionalsTask" -> ApiDriver.professionals(consultant, evaluator);
                case "RecordKickoffWorkshopTask" -> ApiDriver.kickoff(LocalDate.now());
                case "FormWorkingGroupTask" -> ApiDriver.workingGroup();
                case "OpenQuestionnaireCampaignTask" -> ApiDriver.questionnaireCampaign();
                case "DraftPlanTask" -> ApiDriver.plan();
                case "ApprovePlanTask" -> ApiDriver.approval();
                case "RecordEvaluationVisitTask" -> ApiDriver.evaluation("positive");
                default -> ApiDriver.council("grant");
            };
            if (key.equals("DraftPlanTask")) {
                call(who[0], who[1], "PUT", "/api/certifications/" + id + "/plan/draft", ApiDriver.smallPlan());
            }
            call(who[0], who[1], "POST", "/api/tasks/" + task.path("id").asText() + "/completion", values);
        }
        throw new IllegalStateException(org + " was not certified after 500 steps");
    }

    /** The organisation's certification: the one a killed node may have started already, else a new one. */
    private long start(String ref) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            JsonNode mine = call(ref, PW, "GET", "/api/certifications", null).body();
            if (mine.size() > 0) {
                return mine.get(0).path("id").asLong();
            }
            Http.Answer started = call(ref, PW, "POST", "/api/certifications", null);
            if (started.ok()) {
                return started.body().path("id").asLong();
            }
        }
        throw new IllegalStateException("No certification could be started for " + ref);
    }

    /**
     * One request, to the next node that answers, as a load balancer sends it: a node that does not answer
     * (killed, or not listening yet) or answers 503 is passed over and the request goes to the other.
     */
    private Http.Answer call(String user, String password, String method, String path, Object body) throws Exception {
        for (int attempt = 0; attempt < 2000; attempt++) {
            Http node = nodes.get(Math.floorMod(turn.getAndIncrement(), 2));
            if (node == null) {
                continue;
            }
            Http.Answer answer;
            try {
                answer = node.exchange(user, password, method, path, body);
            } catch (IOException notThere) {
                unanswered.incrementAndGet();
                TimeUnit.MILLISECONDS.sleep(10);
                continue;
            }
            statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
            if (answer.status() == 503) {
                TimeUnit.MILLISECONDS.sleep(100);
                continue;
            }
            if (answer.ok() && databaseBack.get() > 0) {
                firstSuccessAfterDatabase.compareAndSet(0, System.nanoTime());
            }
            return answer;
        }
        throw new IllegalStateException(method + " " + path + ": no node answered");
    }
}
