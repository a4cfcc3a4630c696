package io.monsterstack.drills.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options of {@code bench.sh}; {@link #parse} throws IllegalArgumentException saying what is wrong. */
public record BenchOptions(int durationS, int warmupS, List<Integer> connections, Optional<Path> baseline, Path out,
        boolean reportOnly) {

    static final String USAGE = """
            usage: bench.sh [--duration SECONDS] [--warmup SECONDS] [--connections "16 64"] [--baseline DIR] [--out DIR] [--report-only]

            Starts redis-server, the image backend and the frontend on free loopback ports, plus nginx
            serving one monster PNG statically (the ceiling), then measures with wrk:
              hit      frontend /monster/<hash>, in-process cache hit
              cold     frontend /monster/<name>, every request a name never seen (backend + Redis)
              page     frontend GET /   (visit counter + template)
              post     frontend POST /  (form)
              backend  image backend /monster/<name>?size=100, unique names
              nginx    the same PNG as a static file
            and reports req/s, p50/p99 latency, each as a ratio to nginx at the same connection count,
            time to /q/health/ready (median of 5 starts) and peak RSS of each service, checked against
            the targets of BenchTargets in the drills module (docs/performance.md).

            The services run as the images run them: on Temurin 25 ($SERVICE_JAVA overrides it), with the
            JVM options of their application.properties and an AOT cache trained first, as build-images.sh
            trains the images'.

            What bounds each path: for every run, the CPU time (/proc utime + stime) of each process (the
            services, Redis, nginx, wrk itself) per request, and the ceiling the cores set: req/s <= cores /
            (sum of CPU per request), as a ratio to nginx's ceiling, beside the measured ratio. Start-up:
            the CPU a service has used when it is ready, without and with its self warm-up (what a
            container's healthcheck waits for), divided by the stack's cpus limit: the floor of container
            start -> healthy under that quota. Where each service's CPU goes, by thread (event loops, JIT,
            GC and VM, main, the rest), per request of every run and at ready and healthy.

              -d, --duration S      seconds of measurement per run (default 8)
              -w, --warmup S        seconds of warm-up before each run (default 2)
              -c, --connections L   connection counts (default "16 64")
              -b, --baseline DIR    also run the jars of another checkout (another commit, built with
                                    ./mvnw package -DskipTests, run with its own images' JVM options and
                                    no AOT cache), each path measured right after ours in the same run:
                                    rows SCENARIO@baseline and a table comparing the two builds
              -o, --out DIR         where results.json, results.md and the raw runs.tsv and facts.tsv
                                    go (default: .build/bench in the checkout)
                  --report-only     measure nothing: the report again from the runs.tsv and facts.tsv in --out
              -h, --help            this text

            Examples:
              bench.sh
              bench.sh --duration 10 --connections "64"
              git worktree add ../old ec57330 && (cd ../old && ./mvnw -B -q package -DskipTests)
              bench.sh --baseline ../old
            """;

    /** Parses the arguments after "bench"; {@code repo} is the checkout, whose .build/bench is the default --out. */
    public static BenchOptions parse(List<String> args, Path repo) {
        int duration = 8;
        int warmup = 2;
        List<Integer> connections = List.of(16, 64);
        Optional<Path> baseline = Optional.empty();
        Path out = repo.resolve(".build/bench");
        boolean reportOnly = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--report-only")) {
                reportOnly = true;
                continue;
            }
            if (!List.of("-d", "--duration", "-w", "--warmup", "-c", "--connections", "-b", "--baseline", "-o", "--out")
                    .contains(option)) {
                throw new IllegalArgumentException("unknown argument: " + option);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "-d", "--duration" -> duration = seconds(option, value, 1);
                case "-w", "--warmup" -> warmup = seconds(option, value, 0);
                case "-c", "--connections" -> connections = connections(value);
                case "-b", "--baseline" -> baseline = Optional.of(Path.of(value).toAbsolutePath().normalize());
                default -> out = Path.of(value).toAbsolutePath().normalize();
            }
        }
        return new BenchOptions(duration, warmup, connections, baseline, out, reportOnly);
    }

    private static int seconds(String option, String value, int least) {
        if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) < least) {
            throw new IllegalArgumentException(option + " takes a whole number of seconds from " + least + ", not " + value);
        }
        return Integer.parseInt(value);
    }

    private static List<Integer> connections(String value) {
        List<Integer> counts = new ArrayList<>();
        for (String count : value.trim().split("[ ,]+")) {
            if (!count.matches("[0-9]{1,5}") || Integer.parseInt(count) < 1) {
                throw new IllegalArgumentException("--connections takes connection counts from 1 (\"16 64\"), not " + value);
            }
            counts.add(Integer.parseInt(count));
        }
        return List.copyOf(counts);
    }
}
