package it.familyaudit.workflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds used by the application, by PostgreSQL and by the whole machine, read from Linux's
 * /proc. Latency on a shared 2-core machine moves with its neighbours; CPU per cycle does not, so
 * the benchmark reports both. Elsewhere than Linux it reports nothing.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux we run on

    /**
     * CPU seconds of the application (and of its JIT compiler threads, part of it), PostgreSQL, this JVM
     * (the load generator) and the whole machine.
     */
    record Reading(double app, double appCompiler, double postgres, double client, double machineBusy) {
        Reading minus(Reading before) {
            return new Reading(app - before.app, appCompiler - before.appCompiler, postgres - before.postgres,
                    client - before.client, machineBusy - before.machineBusy);
        }
    }

    private final long appPid;

    CpuMeter(long appPid) {
        this.appPid = appPid;
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/stat"));
    }

    Reading read() throws IOException {
        double postgres = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String comm = read(p.resolve("comm")).trim();
                if (comm.equals("postgres")) {
                    postgres += ticks(p);
                }
            }
        }
        String[] cpu = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        // user nice system idle iowait irq softirq steal: busy is all but idle and iowait
        double busy = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3])
                + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
        double compiler = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(appPid), "task"))) {
            for (Path t : threads.toList()) {
                // HotSpot names them "C1 CompilerThread0", "C2 CompilerThread0" (cut to 15 characters)
                if (read(t.resolve("comm")).trim().matches("C[12] CompilerThre.*")) {
                    compiler += ticks(t);
                }
            }
        }
        return new Reading(ticks(Path.of("/proc", Long.toString(appPid))) / TICKS_PER_SECOND,
                compiler / TICKS_PER_SECOND, postgres / TICKS_PER_SECOND, ticks(Path.of("/proc/self")) / TICKS_PER_SECOND, busy / TICKS_PER_SECOND);
    }

    /** utime + stime of a process and its reaped children (PostgreSQL backends come and go). */
    private static double ticks(Path proc) {
        String stat = read(proc.resolve("stat"));
        if (stat.isEmpty()) {
            return 0;
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }
}
