package it.familyaudit.workflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.FamilyAuditApplication;
import it.familyaudit.workflow.organization.OrganizationService;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.PostgresAvailable;
import it.familyaudit.workflow.support.WebappSession;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the application on one PostgreSQL database, requests alternating between them as a load
 * balancer would send them: a sign-in on one is a sign-in on the other (portal and Camunda webapps), and a
 * professional assigned through one completes the new task through the other at once.
 */
@PostgresAvailable
class TwoNodesPostgresTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> notOk = new ArrayList<>();

    @Test
    void anyRequestMayGoToEitherInstance() throws Exception {
        String database = freshDatabase();
        try (ConfigurableApplicationContext a = node(database); ConfigurableApplicationContext b = node(database)) {
            int[] ports = {port(a), port(b)};

            // Signed in to the portal on A: the same browser is signed in on B, to the portal and the webapps.
            WebappSession browser = new WebappSession(ports[0]);
            Matcher token = CSRF.matcher(browser.open("/accedi").body());
            assertThat(token.find()).isTrue();
            HttpResponse<String> in = browser.post("/accedi", WebappSession.credentials("referent", "referent-demo")
                    + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8), false);
            assertThat(in.statusCode()).isEqualTo(302);
            HttpResponse<String> home = browser.onPort(ports[1]).open("/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Giulia Bianchi").doesNotContain("action=\"/accedi\"");
            HttpResponse<String> webapps = browser.onPort(ports[1]).open("/camunda/api/admin/auth/user/default");
            assertThat(webapps.statusCode()).isEqualTo(200);
            assertThat(webapps.body()).contains("\"userId\":\"referent\"");

            // A new organisation's cycle, each call on the other instance than the one before.
            org = "two" + Long.toHexString(System.nanoTime());
            a.getBean(OrganizationService.class).register(org, "Comune di Due Nodi", "MUNICIPALITY");
            String referent = person(a, org, "ref" + org, Roles.REFERENT);
            String manager = person(a, org, "mgm" + org, Roles.MANAGEMENT);
            int[] next = {0};
            java.util.function.IntSupplier alternate = () -> ports[next[0]++ % 2];

            long certification = call(alternate.getAsInt(), referent, ApiDriver.PASSWORD, "POST", "/api/certifications",
                    null).path("id").asLong();
            complete(alternate, referent, ApiDriver.PASSWORD, "SubmitApplicationTask", ApiDriver.application(120));
            complete(alternate, "agency", "agency-demo", "RecordPaymentTask", ApiDriver.payment(1000));
            complete(alternate, "agency", "agency-demo", "AssignProfessionalsTask",
                    ApiDriver.professionals("consultant", "evaluator"));
            // The consultant got the organisation on one instance; the other lets them in at once.
            complete(alternate, "consultant", "consultant-demo", "RecordKickoffWorkshopTask",
                    ApiDriver.kickoff(LocalDate.now()));
            complete(alternate, manager, ApiDriver.PASSWORD, "FormWorkingGroupTask", ApiDriver.workingGroup());
            complete(alternate, referent, ApiDriver.PASSWORD, "OpenQuestionnaireCampaignTask", Map.of(
                    "opensOn", ApiDriver.today(), "closesOn", LocalDate.now().plusDays(14).toString(),
                    "employeesInvited", 50, "invitationMode", "link"));
            assertThat(notOk).as("answers other than 2xx").isEmpty();

            // The questionnaire's shared link: one browser answers on A, and B refuses its second answer.
            String link = call(alternate.getAsInt(), referent, ApiDriver.PASSWORD, "GET",
                    "/api/certifications/" + certification + "/questionnaire", null).path("publicUrl").asText();
            String page = URI.create(link).getPath();
            WebappSession employee = new WebappSession(ports[0]);
            assertThat(answer(employee, page).statusCode()).as("the first answer, on A").isEqualTo(303);
            HttpResponse<String> again = answer(employee.onPort(ports[1]), page);
            assertThat(again.statusCode()).as("the same browser again, on B").isEqualTo(429);
            assertThat(again.body()).contains("già stato compilato");
            assertThat(answer(new WebappSession(ports[1]), page).statusCode()).as("another browser, on B").isEqualTo(303);
        }
    }

    private String org;

    /** Loads the questionnaire's page for its form token, then posts the answers as the page's form does. */
    private static HttpResponse<String> answer(WebappSession browser, String page) throws Exception {
        Matcher token = CSRF.matcher(browser.open(page).body());
        assertThat(token.find()).as("the questionnaire's form on %s", page).isTrue();
        StringBuilder form = new StringBuilder("_lang=it&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
        ApiDriver.questionnaireAnswer().forEach((name, values) -> {
            for (String value : values) {
                form.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return browser.post(page, form.toString(), false);
    }

    /** Counts the timers' service tasks that committed, on any node. */
    public static final class TimerProbe {
        private final String node;
        private final JdbcTemplate jdbc;
        private final CountDownLatch committed;

        TimerProbe(String node, JdbcTemplate jdbc, CountDownLatch committed) {
            this.node = node;
            this.jdbc = jdbc;
            this.committed = committed;
        }

        public void fired(DelegateExecution execution) {
            jdbc.update("INSERT INTO probe.timer_probe (process_instance_id, node) VALUES (?, ?)",
                    execution.getProcessInstanceId(), node);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed.countDown();
                }
            });
        }
    }

    private static final String TIMER_PROBE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="probe">
              <bpmn:process id="TimerProbe" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="ProbeStarted"/>
                <bpmn:sequenceFlow id="ToWait" sourceRef="ProbeStarted" targetRef="ProbeWaits"/>
                <bpmn:intermediateCatchEvent id="ProbeWaits">
                  <bpmn:timerEventDefinition><bpmn:timeDate>${dueAt}</bpmn:timeDate></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="ToFire" sourceRef="ProbeWaits" targetRef="ProbeFires"/>
                <bpmn:serviceTask id="ProbeFires" camunda:expression="${timerProbe.fired(execution)}"/>
                <bpmn:sequenceFlow id="ToEnd" sourceRef="ProbeFires" targetRef="ProbeEnded"/>
                <bpmn:endEvent id="ProbeEnded"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Test
    void twoHundredTimersDueAtOnceFireOnceEachAcrossBothInstances() throws Exception {
        String database = freshDatabase();
        try (Connection c = DriverManager.getConnection(database, System.getenv().getOrDefault("DB_USER", "postgres"),
                System.getenv().getOrDefault("DB_PASSWORD", ""))) {
            // Outside the application's schema, which Flyway wants empty on a new database.
            c.createStatement().execute("CREATE SCHEMA probe");
            c.createStatement().execute("CREATE TABLE probe.timer_probe (process_instance_id VARCHAR(64), node VARCHAR(1))");
        }
        CountDownLatch committed = new CountDownLatch(200);
        try (ConfigurableApplicationContext a = node(database, true, "A", committed);
             ConfigurableApplicationContext b = node(database, true, "B", committed)) {
            // 200 timers due at one moment a few seconds ahead, both job executors running.
            a.getBean(RepositoryService.class).createDeployment().name("timer-probe")
                    .addString("timer-probe.bpmn", TIMER_PROBE).deploy();
            RuntimeService runtime = a.getBean(RuntimeService.class);
            Date dueAt = Date.from(Instant.now().plusSeconds(5));
            for (int i = 0; i < 200; i++) {
                runtime.startProcessInstanceByKey("TimerProbe", Map.of("dueAt", dueAt));
            }
            assertThat(committed.await(3, TimeUnit.MINUTES)).as("all 200 fired").isTrue();
            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM probe.timer_probe", Integer.class)).isEqualTo(200);
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT process_instance_id) FROM probe.timer_probe", Integer.class))
                    .as("each timer once").isEqualTo(200);
            assertThat(jdbc.queryForList("SELECT DISTINCT node FROM probe.timer_probe", String.class))
                    .as("both instances ran timers").containsExactlyInAnyOrder("A", "B");
            assertThat(a.getBean(ManagementService.class).createJobQuery().withException().count()).isZero();
        }
    }

    private void complete(java.util.function.IntSupplier alternate, String user, String password, String taskKey,
                          Map<String, ?> values) throws Exception {
        JsonNode tasks = call(alternate.getAsInt(), user, password, "GET", "/api/tasks?size=200", null);
        String id = null;
        for (JsonNode t : tasks.path("tasks")) {
            if (t.path("taskKey").asText().equals(taskKey) && t.path("organizationCode").asText().equals(org)) {
                id = t.path("id").asText();
            }
        }
        assertThat(id).as("%s sees %s: %s", user, taskKey, tasks).isNotNull();
        call(alternate.getAsInt(), user, password, "POST", "/api/tasks/" + id + "/completion", values);
    }

    private JsonNode call(int port, String user, String password, String method, String path, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            notOk.add(method + " " + path + " on " + port + " as " + user + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    }

    private static String person(ConfigurableApplicationContext node, String org, String id, String role) {
        IdentityService identity = node.getBean(IdentityService.class);
        User u = identity.newUser(id);
        u.setFirstName("Persona");
        u.setLastName(id);
        u.setEmail(id + "@example.test");
        u.setPassword(ApiDriver.PASSWORD);
        identity.saveUser(u);
        identity.createMembership(id, role);
        node.getBean(OrganizationService.class).addMember(org, id);
        return id;
    }

    private static ConfigurableApplicationContext node(String database) {
        return node(database, false, "-", new CountDownLatch(0));
    }

    private static ConfigurableApplicationContext node(String database, boolean jobs, String name,
                                                       CountDownLatch timers) {
        // As command-line arguments: above application.yml, as an operator's settings would be.
        return new SpringApplicationBuilder(FamilyAuditApplication.class).profiles("demo", "postgres")
                // The probe writes with the application's own JdbcTemplate: in the job's transaction.
                .initializers(context -> ((GenericApplicationContext) context).registerBean("timerProbe",
                        TimerProbe.class, () -> new TimerProbe(name, context.getBean(JdbcTemplate.class), timers)))
                .run("--server.port=0", "--spring.datasource.url=" + database,
                        "--family-audit.cluster.shared-sessions=true", "--family-audit.mail.scheduled=false",
                        "--family-audit.demo.start-certification=false", "--camunda.bpm.job-execution.enabled=" + jobs,
                        // Both executors look for due jobs often, so that both meet the same 200 at once.
                        "--camunda.bpm.job-execution.wait-time-in-millis=100",
                        "--camunda.bpm.job-execution.max-wait=200");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static String freshDatabase() throws Exception {
        String server = System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String base = server.substring(0, server.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(base + "postgres", System.getenv().getOrDefault("DB_USER",
                "postgres"), System.getenv().getOrDefault("DB_PASSWORD", ""))) {
            c.createStatement().execute("DROP DATABASE IF EXISTS family_audit_two_nodes");
            c.createStatement().execute("CREATE DATABASE family_audit_two_nodes");
        }
        return base + "family_audit_two_nodes";
    }
}
