package io.monsterstack.drills.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs and facts of a small bench, with figures easy to compute by hand: each run's window is 1 s. */
final class Fixtures {

    static final int CORES = 4;

    private Fixtures() {
    }

    /** A run of {@code requests} at {@code rps}, during which the processes used {@code usedMs} and the machine 3 s of CPU. */
    static RawRun run(String scenario, long requests, double rps, long socketErrors, long wrkMs, Map<String, Long> usedMs) {
        String json = String.format(Locale.ROOT, "{\"requests\":%d,\"seconds\":1.000,\"rps\":%.1f,\"socket_errors\":%d,"
                + "\"http_errors\":0,\"p50_ms\":1.500,\"p99_ms\":7.250,\"max_ms\":20.000,\"cpu_ticks\":0}", requests, rps, socketErrors);
        Map<String, Long> before = new LinkedHashMap<>();
        Map<String, Long> after = new LinkedHashMap<>();
        for (String name : List.of("imagebackend", "imagebackend.loops", "frontend", "frontend.loops", "frontend@baseline", "redis", "nginx")) {
            before.put(name, 100L);
            after.put(name, 100L + usedMs.getOrDefault(name, 0L));
        }
        return new RawRun(scenario, 16, WrkResult.fromJson(json), new CpuSnapshot(before, 1_000, 5_000_000_000L),
                new CpuSnapshot(after, 4_000, 6_000_000_000L), wrkMs);
    }

    /** nginx: 10 µs a request, wrk 5; hit: the frontend 40 (30 of them in its event loops), wrk 5; page: 3 socket errors. */
    static List<RawRun> runs() {
        return List.of(
                run("nginx", 100_000, 50_000, 0, 500, Map.of("nginx", 1000L)),
                run("hit", 50_000, 25_000, 0, 250, Map.of("frontend", 2000L, "frontend.loops", 1500L)),
                run("hit@baseline", 50_000, 20_000, 0, 250, Map.of("frontend@baseline", 3000L, "frontend", 10L)),
                run("page", 20_000, 20_000, 3, 100, Map.of("frontend", 1000L, "redis", 200L)));
    }

    static List<RunFigures> figures() {
        return RunFigures.all(runs(), CORES);
    }

    /** The frontend's healthy floor (4.5 s of CPU under 0.5) above its 8 s; the image backend's (1.5 s under 0.3) below its 6. */
    static List<String> facts() {
        return List.of(
                "imagebackend\tready_ms\t500", "imagebackend\tready_cpu_ms\t600", "imagebackend\tready_threads.loops\t20",
                "imagebackend\tready_jvm_created_ms\t40", "imagebackend\tready_quarkus_started_ms\t300",
                "imagebackend\thealthy_ms\t2000", "imagebackend\thealthy_cpu_ms\t1500", "imagebackend\tcpu_limit\t0.3",
                "imagebackend\tpeak_rss_mb\t90", "imagebackend\tmemory_limit_mb\t128",
                "frontend\tready_ms\t900", "frontend\tready_ms\t700", "frontend\tready_ms\t800", "frontend\tready_ms\t1000",
                "frontend\tready_ms\t600", "frontend\tready_cpu_ms\t1000", "frontend\tready_cpu_ms\t1200", "frontend\tready_cpu_ms\t1100",
                "frontend\tready_cpu_ms\t900", "frontend\tready_cpu_ms\t1300", "frontend\tready_jvm_created_ms\t50",
                "frontend\tready_quarkus_started_ms\t",
                "frontend\tready_quarkus_started_ms\t400", "frontend\thealthy_ms\t5000", "frontend\thealthy_cpu_ms\t4500",
                "frontend\tcpu_limit\t0.5", "frontend\tpeak_rss_mb\t300", "frontend\tmemory_limit_mb\t256");
    }
}
