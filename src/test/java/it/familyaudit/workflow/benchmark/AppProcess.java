package it.familyaudit.workflow.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged application in a JVM of its own, as it runs in production (heap limited). */
final class AppProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Started FamilyAuditApplication in ([0-9.]+) seconds");

    final int port;
    final double reportedStartSeconds;
    final double healthySeconds;
    private final Process process;

    private AppProcess(Process process, int port, double reported, double healthy) {
        this.process = process;
        this.port = port;
        this.reportedStartSeconds = reported;
        this.healthySeconds = healthy;
    }

    private static final Path JAR = Path.of("target", "family-audit-workflow.jar");
    private static final Path SHIPPED = Path.of("target", "shipped");

    /** How the application is launched: the plain jar, or as the Docker image ships it. */
    enum Launch { PLAIN_JAR, SHIPPED }

    static AppProcess start(String heap, Map<String, String> env, String... args) throws Exception {
        return start(Launch.SHIPPED, heap, env, args);
    }

    static AppProcess start(Launch launch, String heap, Map<String, String> env, String... args) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("Build the jar first: " + JAR.toAbsolutePath());
        }
        List<String> launchArgs = launch == Launch.PLAIN_JAR ? List.of("-jar", JAR.toString()) : shipped(heap);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        // e.g. -Dbench.jvmArgs=-XX:StartFlightRecording=filename=app.jfr,settings=profile to profile the app
        String extra = System.getProperty("bench.jvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(launchArgs);
        command.add("--server.port=" + port);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        Process process = builder.start();
        double[] reported = {Double.NaN};
        Path log = Files.createTempFile("family-audit-bench", ".log");
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.APPEND);
                    Matcher m = STARTED.matcher(line);
                    if (m.find()) {
                        reported[0] = Double.parseDouble(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "app-log");
        pump.setDaemon(true);
        pump.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped; see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200 && !Double.isNaN(reported[0])) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("No healthy application within 120 s; see " + log);
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
        double healthy = (System.nanoTime() - t0) / 1e9;
        return new AppProcess(process, port, reported[0], healthy);
    }

    /**
     * The layout of docker/Dockerfile: Spring Boot's extracted jar and a class-data-sharing
     * archive from a training run, made again whenever the jar is newer than the archive.
     */
    private static List<String> shipped(String heap) throws Exception {
        Path archive = SHIPPED.resolve("app.jsa").toAbsolutePath();
        Path jar = SHIPPED.resolve("family-audit-workflow.jar").toAbsolutePath();
        if (!Files.exists(archive) || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(JAR)) < 0) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            run(new ProcessBuilder(java, "-Djarmode=tools", "-jar", JAR.toString(), "extract", "--force",
                    "--destination", SHIPPED.toString()));
            Files.deleteIfExists(archive);
            ProcessBuilder training = new ProcessBuilder(java, "-Xmx" + heap, "-XX:ArchiveClassesAtExit=" + archive,
                    "-Dspring.context.exit=onRefresh", "-jar", jar.toString(),
                    "--spring.datasource.url=jdbc:h2:mem:training", "--camunda.bpm.job-execution.enabled=false");
            training.environment().put("FAMILY_AUDIT_ADMIN_PASSWORD", "training-only");
            run(training);
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-jar", jar.toString());
    }

    private static void run(ProcessBuilder builder) throws Exception {
        Path log = Files.createTempFile("family-audit-shipped", ".log");
        Process p = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("Preparing the shipped layout failed; see " + log);
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
