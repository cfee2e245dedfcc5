package it.familyaudit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.ApiTestBase;
import it.familyaudit.workflow.support.PostgresAvailable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;

/**
 * The database drops every connection of the application several times while clients work (an administrator's
 * {@code pg_terminate_backend}, as a restart or failover does): the clients get their answers or 503 with
 * {@code Retry-After}, never 500; nothing is lost or written twice; the application recovers by itself.
 */
@PostgresAvailable
@ActiveProfiles({"demo", "test", "postgres"})
class DatabaseOutagePostgresTest extends ApiTestBase {

    private static final int CLIENTS = 4;

    @Autowired
    JdbcClient db;

    @Test
    void connectionsDroppedUnderLoadGive503sNever500AndNothingIsLostOrDoubled() throws Exception {
        List<ApiDriver> drivers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            drivers.add(new ApiDriver(mvc, json, identity, organizations, management));
        }
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicBoolean missingRetryAfter = new AtomicBoolean();
        AtomicBoolean dropping = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> started = new ArrayList<>();
        for (ApiDriver client : drivers) {
            started.add(clients.submit(() -> {
                int starts = 0;
                // Each client starts its organisation's certification, trying again after a 503 as told,
                // and reads its task list meanwhile.
                while (dropping.get() || starts == 0) {
                    if (starts == 0) {
                        MockHttpServletResponse answer = client.call(client.referent, "POST", "/api/certifications",
                                null).getResponse();
                        record(statuses, missingRetryAfter, answer);
                        starts += answer.getStatus() == 201 || answer.getStatus() == 200 ? 1 : 0;
                    }
                    record(statuses, missingRetryAfter, client.call(client.referent, "GET", "/api/tasks", null)
                            .getResponse());
                }
                return starts;
            }));
        }
        String url = db.sql("SELECT current_database()").query(String.class).single();
        for (int drop = 0; drop < 5; drop++) {
            try (Connection admin = DriverManager.getConnection(System.getenv("DB_URL").replaceAll("/[^/]*$", "/" + url),
                    System.getenv().getOrDefault("DB_USER", "postgres"), System.getenv().getOrDefault("DB_PASSWORD", ""))) {
                admin.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
            }
            for (int calls = 0; calls < 20; calls++) { // let the clients run into it
                record(statuses, missingRetryAfter, drivers.get(0).call("agency", "GET", "/api/tasks", null)
                        .getResponse());
            }
        }
        dropping.set(false);
        for (Future<Integer> f : started) {
            assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(1);
        }
        clients.shutdown();

        assertThat(statuses).as("answers: %s", statuses).doesNotContainKey(500);
        assertThat(statuses.keySet()).allMatch(s -> s == 200 || s == 201 || s == 503, "only 200, 201 or 503");
        assertThat(missingRetryAfter).as("every 503 says when to retry").isFalse();
        for (ApiDriver client : drivers) {
            assertThat(db.sql("""
                    SELECT COUNT(*) FROM fa_certification c JOIN fa_organization o ON o.id = c.organization_id
                    WHERE o.code = :org""").param("org", client.organization).query(Integer.class).single())
                    .as("one certification for %s, neither lost nor doubled", client.organization).isEqualTo(1);
            assertThat(client.call(client.referent, "GET", "/api/tasks", null).getResponse().getStatus())
                    .as("recovered without a restart").isEqualTo(200);
        }
    }

    private static void record(Map<Integer, Integer> statuses, AtomicBoolean missingRetryAfter,
                               MockHttpServletResponse answer) {
        statuses.merge(answer.getStatus(), 1, Integer::sum);
        if (answer.getStatus() == 503 && answer.getHeader("Retry-After") == null) {
            missingRetryAfter.set(true);
        }
    }
}
