package it.familyaudit.workflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.FamilyAuditApplication;
import it.familyaudit.workflow.monitoring.MonitoringProcess;
import it.familyaudit.workflow.monitoring.MonitoringRepository;
import it.familyaudit.workflow.monitoring.MonitoringRound;
import it.familyaudit.workflow.organization.OrganizationService;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.MonitoringApiDriver;
import it.familyaudit.workflow.support.PostgresAvailable;
import it.familyaudit.workflow.support.PostgresDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.web.servlet.SpringBootMockMvcBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The backup of docs/operations.md, done and undone: {@code pg_dump -Fc} of a database with a certified
 * organisation, taken while the application runs, {@code pg_restore} into a new database, and the application
 * started on that one — Flyway validates, the certificate is there and verifies, the cycle goes on (the first
 * monitoring round opens at its date) and another organisation goes through its whole certification.
 */
@PostgresAvailable
class BackupRestorePostgresTest {

    @TempDir
    Path dir;

    private ProcessEngine shared;
    private final List<String> databases = new ArrayList<>();

    /** Closing the applications started here unregisters the engine other test classes share: give it back. */
    @BeforeEach
    void rememberTheSharedEngine() {
        shared = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
    }

    @AfterEach
    void cleanUp() throws Exception {
        ClockUtil.reset();
        if (shared != null) {
            ProcessEngines.registerProcessEngine(shared);
        }
        for (String database : databases) {
            PostgresDatabases.drop(database);
        }
    }

    @Test
    void aDumpRestoredIntoANewDatabaseCarriesTheCycleOn() throws Exception {
        assumePostgresClients();
        String original = database("backup_original");
        String restored = database("backup_restored");
        Path dump = dir.resolve("family_audit.dump");

        ApiDriver before;
        long certified;
        JsonNode certificate;
        try (Application app = new Application(original)) {
            before = app.newOrganisation();
            certified = before.runToCertificate();
            certificate = before.status(certified).path("certificate");
            // While the application runs: pg_dump reads one consistent snapshot.
            run("pg_dump", "-Fc", "-f", dump.toString(), "-d", PostgresDatabases.name(original));
        }
        run("pg_restore", "--no-owner", "--exit-on-error", "-d", PostgresDatabases.name(restored), dump.toString());

        try (Application app = new Application(restored)) {
            assertThat(app.health()).isEqualTo(200);
            assertThat(migrationsIn(restored)).as("the restored history, which Flyway validated at start-up")
                    .isEqualTo(migrationsIn(original)).isNotEmpty();

            ApiDriver after = before.through(app.mvc, app.management);
            JsonNode status = after.status(certified);
            assertThat(status.path("status").asText()).isEqualTo("CERTIFIED");
            assertThat(status.path("certificate").path("number").asText())
                    .isEqualTo(certificate.path("number").asText()).matches("FA-\\d{4}-\\d{4}");
            String code = certificate.path("verificationCode").asText();
            assertThat(status.path("certificate").path("verificationCode").asText()).isEqualTo(code);
            MockHttpServletResponse verified = app.mvc.perform(get("/verifica").param("codice", code)).andReturn()
                    .getResponse();
            assertThat(verified.getStatus()).isEqualTo(200);
            assertThat(verified.getContentAsString(StandardCharsets.UTF_8))
                    .contains("Certificato autentico e valido", certificate.path("number").asText());
            assertThat(app.pdf(after, certified)).startsWith("%PDF-");

            // Another organisation all the way to its certificate: every sequence and counter went on from where it was.
            ApiDriver newcomer = app.newOrganisation();
            long next = newcomer.runToCertificate();
            assertThat(next).isGreaterThan(certified);
            JsonNode second = newcomer.status(next).path("certificate");
            String first = certificate.path("number").asText();
            assertThat(second.path("number").asText()).isEqualTo("%s%04d", first.substring(0, 8),
                    Integer.parseInt(first.substring(8)) + 1);

            // The restored timer opens the first year's monitoring at its date, and its report is the referent's task.
            MonitoringApiDriver monitoring = new MonitoringApiDriver(after, app.management,
                    app.context.getBean(MonitoringRepository.class));
            MonitoringRound round = monitoring.open(certified);
            assertThat(round.roundNo()).isEqualTo(1);
            assertThat(after.taskId(after.referent, MonitoringProcess.COMPILE_REPORT)).isNotBlank();
        }
    }

    /** Flyway's history, version by version, with whether each succeeded. */
    private static List<String> migrationsIn(String url) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = PostgresDatabases.connect(url);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT version, success FROM fa_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getBoolean(2));
            }
        }
        return rows;
    }

    private String database(String suffix) throws Exception {
        String url = PostgresDatabases.fresh(suffix);
        databases.add(url);
        return url;
    }

    /** pg_dump and pg_restore from the PATH, as the server's user; skipped without them (but under CI=true). */
    private static void assumePostgresClients() throws Exception {
        boolean found;
        try {
            found = new ProcessBuilder("pg_restore", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            found = false;
        }
        if (!found && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and pg_dump/pg_restore are not on the PATH");
        }
        Assumptions.assumeTrue(found, "pg_dump/pg_restore are not on the PATH");
    }

    /** Runs a PostgreSQL client program against DB_URL's server; fails with what it wrote unless it ends well. */
    private void run(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(1, List.of("-h", PostgresDatabases.host(), "-p", String.valueOf(PostgresDatabases.port()),
                "-U", PostgresDatabases.user(), "--no-password"));
        Path output = Files.createTempFile(dir, command[0], ".log");
        ProcessBuilder process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile());
        process.environment().put("PGPASSWORD", PostgresDatabases.password());
        Process started = process.start();
        assertThat(started.waitFor(2, TimeUnit.MINUTES)).as("%s ends", command[0]).isTrue();
        assertThat(started.exitValue()).as("%s: %s", line, Files.readString(output)).isZero();
    }

    /** The application on one database, as its jar would run: demo users, the test profile's manual jobs. */
    private static final class Application implements AutoCloseable {

        final ConfigurableApplicationContext context;
        final MockMvc mvc;
        final ManagementService management;

        Application(String url) {
            context = new SpringApplicationBuilder(FamilyAuditApplication.class)
                    .profiles("demo", "test", "postgres")
                    .run("--spring.datasource.url=" + url, "--server.port=0");
            DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context);
            new SpringBootMockMvcBuilderCustomizer((WebApplicationContext) context).customize(builder);
            mvc = builder.build();
            management = context.getBean(ManagementService.class);
        }

        ApiDriver newOrganisation() {
            return new ApiDriver(mvc, context.getBean(ObjectMapper.class), context.getBean(IdentityService.class),
                    context.getBean(OrganizationService.class), management);
        }

        int health() throws Exception {
            MockHttpServletResponse health = mvc.perform(get("/actuator/health")).andReturn().getResponse();
            assertThat(health.getContentAsString()).contains("\"UP\"");
            return health.getStatus();
        }

        String pdf(ApiDriver driver, long certification) throws Exception {
            byte[] pdf = driver.call(driver.referent, "GET", "/api/certifications/" + certification + "/certificate.pdf",
                    null).getResponse().getContentAsByteArray();
            return new String(pdf, 0, Math.min(5, pdf.length), StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
