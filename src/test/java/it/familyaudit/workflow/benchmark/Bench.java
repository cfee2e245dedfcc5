package it.familyaudit.workflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** What every benchmark does the same way: its own PostgreSQL database, users, task completion, percentiles. */
final class Bench {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-demo";

    private Bench() {
    }

    /** A new, empty database {@code name} on the server of {@code DB_URL} (default the local one). */
    static String freshPostgresDatabase(String name) throws Exception {
        String server = System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String base = server.substring(0, server.lastIndexOf('/') + 1);
        try (Connection c = connect(base + "postgres")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name);
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return base + name;
    }

    /** A connection to {@code url} with the benchmark's database user. */
    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, dbUser(), dbPassword());
    }

    static String dbUser() {
        return System.getenv().getOrDefault("DB_USER", "postgres");
    }

    static String dbPassword() {
        return System.getenv().getOrDefault("DB_PASSWORD", "");
    }

    /** A user of {@code group} in organisation {@code org}, with the drivers' password, made through /engine-rest. */
    static void user(Http http, String org, String id, String group) throws Exception {
        user(http, id, group);
        http.put(ADMIN, ADMIN_PASSWORD, "/engine-rest/tenant/" + org + "/user-members/" + id, null);
    }

    /** A user of {@code group} in no organisation (a consultant, an evaluator), with the drivers' password. */
    static void user(Http http, String id, String group) throws Exception {
        http.post(ADMIN, ADMIN_PASSWORD, "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", "Utente", "lastName", id, "email", id + "@example.invalid"),
                "credentials", Map.of("password", ApiDriver.PASSWORD)));
        http.put(ADMIN, ADMIN_PASSWORD, "/engine-rest/group/" + group + "/members/" + id, null);
    }

    /** Completes the certification's open task {@code taskKey} as {@code user}, expecting 200. */
    static void complete(Http http, long id, String user, String pw, String taskKey, Map<String, ?> values)
            throws Exception {
        JsonNode status = http.get(user, pw, "/api/certifications/" + id);
        for (JsonNode t : status.path("openTasks")) {
            if (t.path("taskKey").asText().equals(taskKey)) {
                http.post(user, pw, "/api/tasks/" + t.path("id").asText() + "/completion", values, 200);
                return;
            }
        }
        throw new IllegalStateException("No open " + taskKey + " on certification " + id + ": " + status);
    }

    /** The nearest-rank percentile; 100 is the maximum. */
    static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** One piece of a benchmark's work, the {@code i}th. */
    interface Work {
        void run(int i) throws Exception;
    }

    /** {@code count} pieces of work on {@code threads} threads, each taking the next piece when done with one. */
    static void parallel(int threads, int count, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        work.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(d -> d).average().orElse(0);
    }
}
