package it.familyaudit.workflow.benchmark;

import static it.familyaudit.workflow.benchmark.Bench.complete;
import static it.familyaudit.workflow.benchmark.Bench.freshPostgresDatabase;
import static it.familyaudit.workflow.benchmark.Bench.pct;
import static it.familyaudit.workflow.benchmark.Bench.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The needs questionnaire's speed targets, against the packaged application in its own JVM
 * (-Xmx512m) on PostgreSQL, over HTTP only: a campaign of 10,000 codes receives 5,000 answers from
 * concurrent employees' browsers (each loads the page once, then posts answers as the form does),
 * then the referent closes it and the results, with small-group suppression, are read again and
 * again. Prints answers per second (and CPU per answer) and the results' p50/p95.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark verify -Dit.test=QuestionnaireBenchmark}. Sizes:
 * {@code -Dbench.codes=… -Dbench.answers=… -Dbench.browsers=… -Dbench.resultReads=…}.
 */
class QuestionnaireBenchmark {

    private static final String HEAP = System.getProperty("bench.heap", "512m");
    private static final int CODES = Integer.getInteger("bench.codes", 10_000);
    private static final int ANSWERS = Integer.getInteger("bench.answers", 5_000);
    private static final int BROWSERS = Integer.getInteger("bench.browsers", 16);
    private static final int RESULT_READS = Integer.getInteger("bench.resultReads", 30);
    /** Answers sent first by one browser to warm the application up; part of the 5,000, not of the timing. */
    private static final int WARM_UP = Math.min(200, ANSWERS / 10);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final List<String> report = new ArrayList<>();

    @Test
    void measureTheQuestionnaireTargets() throws Exception {
        String db = freshPostgresDatabase("family_audit_qbench");
        Map<String, String> env = Map.of("DB_URL", db, "DB_USER", System.getenv().getOrDefault("DB_USER", "postgres"),
                "DB_PASSWORD", System.getenv().getOrDefault("DB_PASSWORD", ""));
        try (AppProcess app = AppProcess.start(HEAP, env, "--spring.profiles.active=demo,postgres")) {
            Http http = new Http(app.port);
            String base = "http://127.0.0.1:" + app.port;
            long certification = toQuestionnaire(http);
            String token = campaignToken(http, certification);

            long t0 = System.nanoTime();
            List<String> codes = issueCodes(base, certification);
            report.add(String.format(Locale.ROOT, "%d codes issued (hashes stored, CSV + PDF of slips in a ZIP): %.1f s",
                    codes.size(), (System.nanoTime() - t0) / 1e9));
            assertThat(codes).hasSize(CODES);

            answer(base, token, codes, new CpuMeter(app.pid()));
            JsonNode campaign = http.get("ref-qbench", ApiDriver.PASSWORD, "/api/certifications/" + certification + "/questionnaire");
            assertThat(campaign.path("answers").asInt()).isEqualTo(ANSWERS);

            http.post("ref-qbench", ApiDriver.PASSWORD, "/api/certifications/" + certification + "/questionnaire/closure", null);
            results(http, certification);
        }
        System.out.println("\n==== Needs questionnaire benchmark (heap " + HEAP + ", "
                + Runtime.getRuntime().availableProcessors() + " cores) ====\n" + String.join("\n", report) + "\n");
    }

    /** An organisation with its referent, management and working group, its cycle up to the questionnaire, opened. */
    private static long toQuestionnaire(Http http) throws Exception {
        String org = "qbench";
        http.post("agency", "agency-demo", "/api/organizations", Map.of("code", org, "name", "Comune del Questionario",
                "kind", "MUNICIPALITY"));
        user(http, org, "ref-qbench", "referent");
        user(http, org, "mgm-qbench", "management");
        String pw = ApiDriver.PASSWORD;
        long id = http.post("ref-qbench", pw, "/api/certifications", null).path("id").asLong();
        complete(http, id, "ref-qbench", pw, "SubmitApplicationTask", ApiDriver.application(CODES));
        complete(http, id, "agency", "agency-demo", "RecordPaymentTask", ApiDriver.payment(1000));
        complete(http, id, "agency", "agency-demo", "AssignProfessionalsTask", ApiDriver.professionals("consultant", "evaluator"));
        complete(http, id, "consultant", "consultant-demo", "RecordKickoffWorkshopTask", ApiDriver.kickoff(LocalDate.now()));
        complete(http, id, "mgm-qbench", pw, "FormWorkingGroupTask", ApiDriver.workingGroup());
        complete(http, id, "ref-qbench", pw, "OpenQuestionnaireCampaignTask", Map.of("opensOn", LocalDate.now().toString(),
                "closesOn", LocalDate.now().plusDays(30).toString(), "employeesInvited", CODES, "invitationMode", "codes"));
        return id;
    }

    private static String campaignToken(Http http, long certification) throws Exception {
        String url = http.get("ref-qbench", ApiDriver.PASSWORD, "/api/certifications/" + certification + "/questionnaire")
                .path("publicUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static List<String> issueCodes(String base, long certification) throws Exception {
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/certifications/" + certification + "/questionnaire/invitations"))
                .header("Authorization", basic("ref-qbench", ApiDriver.PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".csv")) {
                    List<String> codes = new ArrayList<>();
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r\n")) {
                        String[] cells = line.split(";");
                        if (cells.length > 1 && cells[0].matches("\\d+")) {
                            codes.add(cells[1]);
                        }
                    }
                    return codes;
                }
            }
        }
        throw new IllegalStateException("No CSV in the invitations ZIP");
    }

    /** 5,000 answers from concurrent browsers, each with its own cookies, loading the page once. */
    private void answer(String base, String token, List<String> codes, CpuMeter cpu) throws Exception {
        Browser warm = new Browser(base, token, new Random(-1));
        for (int i = 0; i < WARM_UP; i++) {
            warm.answer(codes.get(i));
        }
        AtomicInteger next = new AtomicInteger(WARM_UP);
        List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        CpuMeter.Reading before = cpu.read();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(BROWSERS);
        try {
            List<Future<?>> browsers = new ArrayList<>();
            for (int b = 0; b < BROWSERS; b++) {
                int seed = b;
                browsers.add(pool.submit(() -> {
                    Browser browser = new Browser(base, token, new Random(seed));
                    for (int i = next.getAndIncrement(); i < ANSWERS; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        browser.answer(codes.get(i));
                        ms.add((System.nanoTime() - t) / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> f : browsers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        CpuMeter.Reading used = cpu.read().minus(before);
        int timed = ANSWERS - WARM_UP;
        report.add(String.format(Locale.ROOT,
                "%d answers (after %d to warm up) from %d concurrent browsers in %.1f s: %.0f answers/s; per answer p50 %.1f ms, p95 %.1f ms",
                timed, WARM_UP, BROWSERS, wall, timed / wall, pct(ms, 50), pct(ms, 95)));
        report.add(String.format(Locale.ROOT,
                "  CPU per answer: application %.2f ms, PostgreSQL %.2f ms, whole machine %.2f ms (load generator included)",
                used.app() * 1000 / timed, used.postgres() * 1000 / timed, used.machineBusy() * 1000 / timed));
    }

    private void results(Http http, long certification) throws Exception {
        String path = "/api/certifications/" + certification + "/questionnaire/results";
        JsonNode first = http.get("ref-qbench", ApiDriver.PASSWORD, path);
        assertThat(first.path("respondents").asInt()).isEqualTo(ANSWERS);
        int hidden = 0;
        int figures = 0;
        for (JsonNode q : first.path("questions")) {
            for (JsonNode b : q.path("breakdowns")) {
                for (JsonNode g : b.path("groups")) {
                    for (JsonNode c : g.path("counts")) {
                        figures++;
                        hidden += c.path("hidden").asBoolean() ? 1 : 0;
                    }
                }
            }
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RESULT_READS; i++) {
            long t = System.nanoTime();
            http.get("ref-qbench", ApiDriver.PASSWORD, path);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        List<Double> findings = new ArrayList<>();
        for (int i = 0; i < RESULT_READS; i++) {
            long t = System.nanoTime();
            http.get("ref-qbench", ApiDriver.PASSWORD, path.replace("/results", "/findings"));
            findings.add((System.nanoTime() - t) / 1e6);
        }
        report.add(String.format(Locale.ROOT,
                "full results of %d answers (%d questions, %d breakdown figures, %d hidden), computed on every call: "
                        + "p50 %.0f ms, p95 %.0f ms over %d calls; main needs p50 %.0f ms",
                ANSWERS, first.path("questions").size(), figures, hidden, pct(ms, 50), pct(ms, 95), RESULT_READS,
                pct(findings, 50)));
    }

    /** One employee's browser: loads the page (its cookies and the form's token), then posts answers. */
    private static final class Browser {

        private final HttpClient client;
        private final String page;
        private final Random random;
        private String csrf;

        Browser(String base, String token, Random random) throws Exception {
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            this.page = base + "/questionario/" + token;
            this.random = random;
            HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(page)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(form.body());
            if (form.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("The questionnaire page answered " + form.statusCode());
            }
            this.csrf = m.group(1);
        }

        void answer(String code) throws Exception {
            StringBuilder body = new StringBuilder("_lang=it&_csrf=").append(enc(csrf)).append("&_codice=").append(enc(code));
            answers().forEach(p -> body.append('&').append(p[0]).append('=').append(enc(p[1])));
            HttpResponse<String> sent = client.send(HttpRequest.newBuilder(URI.create(page))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (sent.statusCode() != 303) {
                throw new IllegalStateException("An answer got " + sent.statusCode() + ": " + sent.body());
            }
        }

        /**
         * A plausible employee: skewed profiles, with two groups of a handful of people (so that
         * suppression has groups to hide and to protect by complement), a few ticks per checklist,
         * one in five writes a proposal.
         */
        private List<String[]> answers() {
            List<String[]> a = new ArrayList<>();
            int rare = random.nextInt(2000);
            a.add(p("profilo_genere", rare == 0 ? "X" : pick("F", "F", "F", "M", "M", "nd")));
            a.add(p("profilo_eta", pick("under30", "30-39", "40-49", "40-49", "50-59", "50-59", "60plus", "nd")));
            a.add(p("profilo_categoria", pick("dirigenza", "funzionari", "istruttori", "istruttori", "operatori-esperti",
                    "operatori", "nd")));
            a.add(p("profilo_contratto", rare == 1 ? "part-time-fixed" : pick("full-time-permanent",
                    "full-time-permanent", "full-time-permanent", "part-time-permanent", "full-time-fixed", "nd")));
            a.add(p("profilo_cura", pick("nessuna", "nessuna", "figli", "figli", "familiari", "entrambi", "nd")));
            for (String scale : List.of("orario_soddisfazione", "comunicazione_informazione", "benessere_clima",
                    "benessere_carico", "benessere_equilibrio")) {
                a.add(p(scale, Integer.toString(1 + random.nextInt(5))));
            }
            a.add(p("cura_conciliazione", pick("1", "2", "3", "4", "5", "non-applicabile")));
            a.add(p("lavoro_agile", pick("regolarmente", "occasionalmente", "no-vorrei", "no-non-interessa", "non-compatibile")));
            a.add(p("lavoro_agile_giorni", pick("nessuno", "1-4", "5-8", "oltre-8")));
            tick(a, "flessibilita", "entrata-uscita", "banca-ore", "part-time", "settimana-corta", "permessi-orari");
            tick(a, "cura_aiuti", "informazioni-congedi", "orari-scuole", "emergenze", "rientro-congedo");
            tick(a, "servizi", "nido", "centri-estivi", "assistenza-familiari", "supporto-psicologico", "convenzioni",
                    "mensa", "salva-tempo", "mobilita", "genitorialita");
            tick(a, "comunicazione_canali", "intranet", "email", "incontri", "bacheca", "responsabile");
            if (random.nextInt(5) == 0) {
                a.add(p("proposte", "Più flessibilità negli orari d'estate e un centro estivo convenzionato."));
            }
            return a;
        }

        private void tick(List<String[]> a, String key, String... options) {
            for (String o : options) {
                if (random.nextInt(3) == 0) {
                    a.add(p(key, o));
                }
            }
        }

        private String pick(String... values) {
            return values[random.nextInt(values.length)];
        }

        private static String[] p(String key, String value) {
            return new String[] {key, value};
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }



    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

}
