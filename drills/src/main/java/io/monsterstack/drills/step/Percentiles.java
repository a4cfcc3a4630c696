package io.monsterstack.drills.step;

import java.util.Arrays;

/** The two figures every client reports: a latency percentile and the longest wait for a success. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The nearest-rank percentile of the values (0 when there are none): the smallest value that {@code percent} % of them do not exceed. */
    public static long percentile(long[] values, int percent) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The longest time between two successive instants (0 for fewer than two), in their order of time. */
    public static long longestGap(long[] instants) {
        long[] sorted = instants.clone();
        Arrays.sort(sorted);
        long gap = 0;
        for (int i = 1; i < sorted.length; i++) {
            gap = Math.max(gap, sorted[i] - sorted[i - 1]);
        }
        return gap;
    }
}
