package io.monsterstack.drills.clients;

import java.util.ArrayList;
import java.util.List;

import io.monsterstack.drills.step.Percentiles;

/** The independent client's figures: requests, failures, p99 and longest gap between two successes. */
public record IndependentFigures(int requests, int failed, long p99Ms, long gapMs) {

    /** From its log lines: {@code <start s> <end s> ok|failed <path>}. */
    public static IndependentFigures parse(List<String> log) {
        List<Long> latencies = new ArrayList<>();
        List<Long> successes = new ArrayList<>();
        int failed = 0;
        for (String line : log) {
            String[] fields = line.split(" ");
            if (fields.length < 3 || !fields[2].equals("ok") && !fields[2].equals("failed")) {
                continue;
            }
            long started = millis(fields[0]);
            long ended = millis(fields[1]);
            latencies.add(ended - started);
            if (fields[2].equals("ok")) {
                successes.add(ended);
            } else {
                failed++;
            }
        }
        return new IndependentFigures(latencies.size(), failed,
                Percentiles.percentile(latencies.stream().mapToLong(Long::longValue).toArray(), 99),
                Percentiles.longestGap(successes.stream().mapToLong(Long::longValue).toArray()));
    }

    private static long millis(String seconds) {
        return Math.round(Double.parseDouble(seconds) * 1000);
    }
}
