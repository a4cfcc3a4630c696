package io.monsterstack.drills;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.monsterstack.drills.swarm.Shell;
import io.monsterstack.drills.swarm.Stack;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The stack's speed as deployed, through the edge, with wrk and the benchmark's report script:
 * reported, not asserted (a shared machine). 16 connections for 5 s each, at the stack's own limits.
 */
final class SpeedReport {

    private SpeedReport() {
    }

    static void run(Path repo, Stack stack) {
        Report.step("12b. the stack's speed as deployed, through the edge (reported, not asserted: a shared machine)");
        String monster = stack.monsterPath(stack.url()).orElse("/monster/speed");
        speed(repo, "cache hit (a monster already served)", stack.url() + monster, Map.of());
        speed(repo, "page GET", stack.url() + "/", Map.of());
        speed(repo, "cold (a never-seen monster each: backend + Redis)", stack.url() + "/",
                Map.of("BENCH_UNIQUE_PREFIX", "/monster/speed-" + ProcessHandle.current().pid() + "-"));
    }

    private static void speed(Path repo, String label, String url, Map<String, String> env) {
        List<String> wrk = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d5s", "--timeout", "5s",
                "-s", repo.resolve("scripts/bench/wrk-report.lua").toString(), url));
        String json = Shell.run(wrk, env, Duration.ofSeconds(60)).lines().stream()
                .filter(line -> line.startsWith("BENCH_JSON ")).map(line -> line.substring("BENCH_JSON ".length()))
                .findFirst().orElse("{}");
        JsonObject figures = Json.createReader(new StringReader(json)).readObject();
        Report.info(String.format("%s: %.0f req/s, p99 %.0f ms, %d errors, %d non-2xx", label,
                number(figures, "rps"), number(figures, "p99_ms"), (long) number(figures, "socket_errors"), (long) number(figures, "http_errors")));
    }

    private static double number(JsonObject figures, String key) {
        return figures.containsKey(key) ? figures.getJsonNumber(key).doubleValue() : Double.NaN;
    }
}
