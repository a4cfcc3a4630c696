package io.monsterstack.drills.step;

/**
 * What a planned step must hold besides 0 failed and 0 retried requests: the load's p99 and the
 * curl loop's longest gap between successes. {@code strict}: a miss fails the drill, else it is
 * reported as MISSED.
 */
public record Targets(long maxP99Ms, long maxGapMs, boolean strict) {

    /** The single-node drill's: {@code MAX_P99_MS} (500), {@code MAX_GAP_MS} (1000), {@code ZERO_DOWNTIME_STRICT} (1). */
    public static Targets fromEnvironment(long defaultP99Ms, long defaultGapMs) {
        return new Targets(number("MAX_P99_MS", defaultP99Ms), number("MAX_GAP_MS", defaultGapMs),
                !"0".equals(System.getenv("ZERO_DOWNTIME_STRICT")));
    }

    private static long number(String variable, long otherwise) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? otherwise : Long.parseLong(value);
    }
}
