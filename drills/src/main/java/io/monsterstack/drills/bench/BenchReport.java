package io.monsterstack.drills.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.monsterstack.drills.bench.BenchTargets.Check;
import io.monsterstack.drills.start.ThreadGroups;

/** The report's tables, in markdown: the runs, what bounds each path, threads, the baseline, start-up, targets. */
public record BenchReport(List<RunFigures> runs, List<ServiceFigures> services, List<Check> checks, int cores) {

    private static final List<String> STARTS = List.of("ready", "healthy");

    public List<String> tables() {
        List<String> t = new ArrayList<>(MarkdownTable.lines(List.of("scenario", "conns", "req/s", "x nginx", "p50 ms", "p99 ms", "errors"),
                runs.stream().map(r -> List.of(r.scenario(), Integer.toString(r.connections()), Numbers.grouped(r.wrk().rps()),
                        Numbers.decimal(r.ratioToNginx()), Numbers.decimal(r.wrk().p50Ms()), Numbers.decimal(r.wrk().p99Ms()),
                        Long.toString(r.wrk().socketErrors() + r.wrk().httpErrors()))).toList()));
        t.addAll(List.of("", "What bounds each path: CPU µs per request of each process; ceiling = " + cores + " cores / total; "
                + "predicted = nginx's total / the path's; cores busy = CPU used / wall time, ours and the machine's.", ""));
        t.addAll(MarkdownTable.lines(header(List.of("scenario", "conns"), RunFigures.PROCESSES, List.of("total", "CPU ceiling req/s",
                "predicted x nginx", "measured x nginx", "cores busy (ours / machine)")), runs.stream().map(BenchReport::boundRow).toList()));
        t.addAll(List.of("", "Where each service's CPU goes, by thread: µs per request (the service a path does not use sits idle).", ""));
        List<String> serviceThreads = RunFigures.SERVICES.stream()
                .flatMap(service -> ThreadGroups.HEADINGS.values().stream().map(heading -> service + " " + heading)).toList();
        t.addAll(MarkdownTable.lines(header(List.of("scenario", "conns"), serviceThreads), runs.stream().map(BenchReport::threadRow).toList()));
        t.addAll(comparison(runs));
        t.addAll(List.of("", "Start-up: ready (median of 5) = JVM created + the runner's class loading + Quarkus's \"started in\". "
                + "Healthy: a start as in a container, with the self warm-up and one CPU. CPU floor = CPU at ready "
                + "(healthy) / the stack's cpus: the least a quota of that many CPUs lets it take.", ""));
        t.addAll(MarkdownTable.lines(List.of("service", "ready", "CPU at ready", "JVM created", "Quarkus started in", "healthy",
                "CPU at healthy", "stack cpus", "CPU floor ready / healthy", "peak RSS", "stack limit"),
                services.stream().map(BenchReport::startRow).toList()));
        t.addAll(List.of("", "Start-up CPU by thread (ms): at ready (median of 5) and at healthy.", ""));
        t.addAll(MarkdownTable.lines(header(List.of("service", "start"), ThreadGroups.HEADINGS.values()), services.stream().flatMap(s -> STARTS.stream().map(start -> startThreadRow(s, start))).toList()));
        t.add("");
        t.addAll(MarkdownTable.lines(List.of("target", "met", "measured"),
                checks.stream().map(c -> List.of(c.target(), c.word(), c.measured())).toList()));
        return t;
    }

    @SafeVarargs
    private static List<String> header(Collection<String>... parts) {
        return Stream.of(parts).flatMap(Collection::stream).toList();
    }

    private static List<String> boundRow(RunFigures r) {
        List<String> row = new ArrayList<>(List.of(r.scenario(), Integer.toString(r.connections())));
        Stream.concat(RunFigures.PROCESSES.stream(), Stream.of("total")).forEach(p -> row.add(Numbers.oneDecimal(r.cpuUsPerRequest().get(p))));
        row.addAll(List.of(Numbers.grouped(r.cpuCeilingRps()), Numbers.decimal(r.predictedRatio()), Numbers.decimal(r.ratioToNginx()),
                Numbers.decimal(r.coresBusyOurs()) + " / " + Numbers.decimal(r.coresBusyMachine())));
        return row;
    }

    private static List<String> threadRow(RunFigures r) {
        List<String> row = new ArrayList<>(List.of(r.scenario(), Integer.toString(r.connections())));
        for (String service : RunFigures.SERVICES) {
            r.threadCpuUsPerRequest().get(service).values().forEach(us -> row.add(Numbers.oneDecimal(us)));
        }
        return row;
    }

    private static List<String> startRow(ServiceFigures s) {
        return List.of(s.name(), s.ms("ready_ms") + " ms", s.ms("ready_cpu_ms") + " ms", s.ms("ready_jvm_created_ms") + " ms",
                s.ms("ready_quarkus_started_ms") + " ms", s.ms("healthy_ms") + " ms", s.ms("healthy_cpu_ms") + " ms",
                Numbers.shortest(s.cpuLimit()), Numbers.decimal(s.readyFloorS()) + " s / " + Numbers.decimal(s.healthyFloorS()) + " s",
                s.ms("peak_rss_mb") + " MB", s.ms("memory_limit_mb") + " MB");
    }

    private static List<String> startThreadRow(ServiceFigures s, String start) {
        List<String> row = new ArrayList<>(List.of(s.name(), start));
        ThreadGroups.HEADINGS.keySet().forEach(group -> row.add(Long.toString(s.medians().getOrDefault(start + "_threads." + group, 0L))));
        return row;
    }

    /** Each of our runs and the baseline's run of the same path and connections, in our order. */
    static List<RunFigures[]> pairs(List<RunFigures> runs) {
        Map<String, RunFigures> baseline = new LinkedHashMap<>();
        runs.stream().filter(r -> !r.ours()).forEach(r -> baseline.put(r.path() + " " + r.connections(), r));
        return runs.stream().filter(RunFigures::ours).flatMap(r -> Optional.ofNullable(baseline.get(r.path() + " " + r.connections()))
                .map(b -> new RunFigures[] {r, b}).stream()).toList();
    }

    /** With --baseline: each path of ours against the baseline's in the same run. */
    static List<String> comparison(List<RunFigures> runs) {
        List<RunFigures[]> pairs = pairs(runs);
        if (pairs.isEmpty()) {
            return List.of();
        }
        List<String> t = new ArrayList<>(List.of("", "Ours against the baseline, path by path in this run: ratios to nginx, and CPU µs per request.", ""));
        t.addAll(MarkdownTable.lines(List.of("path", "conns", "ours x nginx", "baseline x nginx", "ours / baseline",
                "frontend µs ours / baseline", "imagebackend µs ours / baseline", "total µs ours / baseline"),
                pairs.stream().map(BenchReport::comparisonRow).toList()));
        return t;
    }

    private static List<String> comparisonRow(RunFigures[] pair) {
        RunFigures o = pair[0];
        RunFigures b = pair[1];
        List<String> row = new ArrayList<>(List.of(o.path(), Integer.toString(o.connections()), Numbers.decimal(o.ratioToNginx()),
                Numbers.decimal(b.ratioToNginx()), Numbers.decimal(Numbers.round(o.wrk().rps() / b.wrk().rps(), 3))));
        for (String process : List.of("frontend", "imagebackend", "total")) {
            row.add(Numbers.oneDecimal(o.cpuUsPerRequest().get(process)) + " / " + Numbers.oneDecimal(b.cpuUsPerRequest().get(process)));
        }
        return row;
    }
}
