package io.monsterstack.drills;

import java.nio.file.Path;
import java.util.Map;

import io.monsterstack.drills.bench.Wrk;
import io.monsterstack.drills.swarm.Stack;

/**
 * The stack's speed as deployed, through the edge, with wrk and the bench's wrk script:
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
        Report.info(Wrk.of(repo).run(url, 16, 5, env)
                .map(r -> String.format("%s: %.0f req/s, p99 %.0f ms, %d errors, %d non-2xx", label, r.rps(), r.p99Ms(), r.socketErrors(),
                        r.httpErrors()))
                .orElse(label + ": wrk reported nothing"));
    }
}
