package io.monsterstack.drills.clients;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.monsterstack.drills.step.Percentiles;

/**
 * The load's figures over a step: latency from each request's due time, gap between two successes,
 * and the first failures as the load saw them (target, base URL, status or exception).
 */
public record LoadFigures(int requests, int failed, long p50Ms, long p99Ms, long maxMs, long gapMs,
        long keepAlive, long newConnections, Map<Integer, Integer> statuses, List<String> failures) {

    static LoadFigures of(List<Load.Result> results, List<String> failures) {
        long[] latencies = results.stream().mapToLong(Load.Result::latencyNanos).toArray();
        long[] successes = results.stream().filter(Load.Result::ok).mapToLong(Load.Result::doneNanos).toArray();
        Map<Integer, Integer> statuses = new TreeMap<>();
        results.forEach(result -> statuses.merge(result.status(), 1, Integer::sum));
        long newConnections = results.stream().filter(Load.Result::newConnection).count();
        return new LoadFigures(results.size(), results.size() - successes.length,
                millis(Percentiles.percentile(latencies, 50)), millis(Percentiles.percentile(latencies, 99)),
                millis(Percentiles.percentile(latencies, 100)), millis(Percentiles.longestGap(successes)),
                results.size() - newConnections, newConnections, statuses, List.copyOf(failures));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    /** {@code load: requests=N failed=N p50_ms=N p99_ms=N max_ms=N gap_ms=N keepalive=N newconn=N statuses=S:N,...} */
    public String line() {
        return String.format("load: requests=%d failed=%d p50_ms=%d p99_ms=%d max_ms=%d gap_ms=%d keepalive=%d newconn=%d statuses=%s",
                requests, failed, p50Ms, p99Ms, maxMs, gapMs, keepAlive, newConnections,
                statuses.isEmpty() ? "-" : statuses.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",")));
    }
}
