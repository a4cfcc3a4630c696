package io.monsterstack.drills.counters;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The healthchecks of a step: how many ran and failed (a starting task's 503s among them), the
 * slowest, the slowest start to healthy of a task started during the step (what start_period must
 * cover), and the event loops blocked over 2 s.
 */
public record HealthFigures(int checks, int failed, long slowestMs, long slowestStartMs, int stalls, long longestStallMs) {

    /**
     * From Docker's health log lines, {@code <container> <start ms> <end ms> <exit code> <container started, RFC 3339>},
     * each check once; a task started after {@code since} is healthy at its first passing check.
     */
    public static HealthFigures of(List<String> checks, long since, List<Long> stalls) {
        int failed = 0;
        long slowest = 0;
        Map<String, long[]> healthy = new HashMap<>();
        int count = 0;
        for (String check : checks) {
            String[] fields = check.split(" ");
            if (fields.length != 5) {
                continue;
            }
            count++;
            long start = Long.parseLong(fields[1]);
            long end = Long.parseLong(fields[2]);
            slowest = Math.max(slowest, end - start);
            if (!fields[3].equals("0")) {
                failed++;
                continue;
            }
            long containerStarted = Instant.parse(fields[4]).toEpochMilli();
            long[] first = healthy.get(fields[0]);
            if (containerStarted >= since && (first == null || end < first[0])) {
                healthy.put(fields[0], new long[] {end, containerStarted});
            }
        }
        long slowestStart = healthy.values().stream().mapToLong(times -> times[0] - times[1]).max().orElse(0);
        return new HealthFigures(count, failed, slowest, slowestStart, stalls.size(),
                stalls.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    public String line() {
        return String.format("healthchecks: %d run, %d failed (a starting task's 503s among them), slowest %d ms;"
                + " slowest new task to healthy %d ms; event loops blocked over 2 s: %d times, longest %d ms",
                checks, failed, slowestMs, slowestStartMs, stalls, longestStallMs);
    }
}
