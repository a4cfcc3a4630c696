package io.monsterstack.drills.clients;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.monsterstack.drills.step.Percentiles;

/** One second of the load: requests, failures, p99 and which versions answered, with their share. */
public record LoadSecond(LocalTime at, int requests, long failed, long p99Ms, Map<String, Integer> versions) {

    static LoadSecond of(List<Load.Result> second) {
        long[] latencies = second.stream().mapToLong(Load.Result::latencyNanos).toArray();
        Map<String, Integer> versions = new TreeMap<>();
        second.stream().filter(Load.Result::ok).forEach(result -> versions.merge(result.version(), 1, Integer::sum));
        return new LoadSecond(LocalTime.now().truncatedTo(ChronoUnit.SECONDS), second.size(),
                second.stream().filter(result -> !result.ok()).count(), Percentiles.percentile(latencies, 99) / 1_000_000, versions);
    }

    /** {@code live: 10:31:02 req/s=201 failed=0 p99_ms=187 versions=1.0:62%,2.0:37%} */
    public String line() {
        int answered = versions.values().stream().mapToInt(Integer::intValue).sum();
        String shares = versions.isEmpty() ? "-" : versions.entrySet().stream()
                .map(e -> e.getKey() + ":" + 100 * e.getValue() / answered + "%").collect(Collectors.joining(","));
        return "live: " + at.format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " req/s=" + requests + " failed=" + failed + " p99_ms=" + p99Ms + " versions=" + shares;
    }
}
