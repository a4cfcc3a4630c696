package io.monsterstack.drills.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.monsterstack.drills.swarm.Shell;

/** wrk with two threads and scripts/bench/wrk-report.lua, whose variables (BENCH_*) shape the requests. */
public record Wrk(Path script) {

    public static Wrk of(Path repo) {
        return new Wrk(repo.resolve("scripts/bench/wrk-report.lua"));
    }

    /** {@code seconds} of load on {@code url} over {@code connections}; none when wrk reported nothing. */
    public Optional<WrkResult> run(String url, int connections, int seconds, Map<String, String> variables) {
        List<String> command = List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "5s", "-s",
                script.toString(), url);
        return WrkResult.fromOutput(Shell.run(command, variables, Duration.ofSeconds(seconds + 60L)).out());
    }
}
