package io.monsterstack.drills.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bench's targets and their verdicts. Ratios to nginx serving the same PNG in the same run:
 * absolute numbers drift on shared machines, ratios hold.
 */
public final class BenchTargets {

    /**
     * Path -> lowest ratio to nginx allowed, at every connection count: what the services reached
     * before their images started from an AOT cache (docs/performance.md), so that no start-up gain
     * costs throughput.
     */
    public static final Map<String, Double> RATIO_TARGETS = Map.of("hit", 0.67, "page", 0.30, "post", 0.26, "backend", 0.18,
            "cold", 0.034);
    public static final Map<String, Long> READY_MS = Map.of("frontend", 1200L, "imagebackend", 700L);
    /** Container start -> healthy under the stack's cpus, which drill.sh measure-start times. */
    public static final Map<String, Double> HEALTHY_S = Map.of("frontend", 8.0, "imagebackend", 6.0);

    /**
     * A target, whether it is met, and what was measured. {@code met} empty: a floor below the
     * target, which only drill.sh measure-start can check.
     */
    public record Check(String target, Optional<Boolean> met, String measured) {

        public String word() {
            return met.map(yes -> yes ? "yes" : "NO").orElse("floor ok");
        }
    }

    private BenchTargets() {
    }

    /** The checks of our runs (a baseline's are not judged) and of every service. */
    public static List<Check> verdicts(List<RunFigures> runs, List<ServiceFigures> services) {
        List<Check> checks = new ArrayList<>();
        for (RunFigures r : runs) {
            Double target = RATIO_TARGETS.get(r.scenario());
            if (target != null) {
                checks.add(ratio(r, target, runs));
            }
        }
        for (ServiceFigures s : services) {
            long ready = READY_MS.get(s.name());
            checks.add(new Check(s.name() + ": ready <= " + ready + " ms", Optional.of(s.ms("ready_ms") <= ready),
                    s.ms("ready_ms") + " ms (" + s.ms("ready_cpu_ms") + " ms CPU)"));
            double healthy = HEALTHY_S.get(s.name());
            String limit = Numbers.shortest(s.cpuLimit());
            checks.add(new Check(s.name() + ": container start -> healthy <= " + Numbers.shortest(healthy) + " s at " + limit + " CPU",
                    s.healthyFloorS() > healthy ? Optional.of(false) : Optional.empty(),
                    "floor from CPU alone " + Numbers.decimal(s.healthyFloorS()) + " s (" + s.ms("healthy_cpu_ms") + " ms CPU to healthy / "
                            + limit + "); drill.sh measure-start times the containers"));
            checks.add(new Check(s.name() + ": peak RSS within " + s.ms("memory_limit_mb") + " MB",
                    Optional.of(s.ms("peak_rss_mb") <= s.ms("memory_limit_mb")), s.ms("peak_rss_mb") + " MB"));
        }
        return checks;
    }

    /** Met: the ratio at least the target and no socket error; when missed, the CPU ceiling says why. */
    private static Check ratio(RunFigures r, double target, List<RunFigures> runs) {
        boolean met = r.ratioToNginx() >= target && r.wrk().socketErrors() == 0;
        String measured = Numbers.decimal(r.ratioToNginx()) + "x, " + Numbers.grouped(r.wrk().rps()) + " req/s";
        if (!met) {
            double nginx = runs.stream().filter(n -> n.scenario().equals("nginx") && n.connections() == r.connections())
                    .findFirst().orElseThrow().totalUs();
            measured += "; CPU ceiling " + Numbers.decimal(r.predictedRatio()) + "x (" + Numbers.decimal(r.totalUs())
                    + " µs CPU/req against nginx " + Numbers.decimal(nginx) + ")";
        }
        return new Check(r.scenario() + " c=" + r.connections() + ": >= " + Numbers.decimal(target) + "x nginx", Optional.of(met), measured);
    }
}
