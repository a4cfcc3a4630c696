package io.monsterstack.drills.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfAHundredValuesIsTheNinetyNinthSmallest() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i;  // 100 down to 1: the order given must not matter
        }
        assertEquals(99, Percentiles.percentile(values, 99));
        assertEquals(50, Percentiles.percentile(values, 50));
        assertEquals(100, Percentiles.percentile(values, 100));
    }

    @Test
    void oneSlowRequestInFiftyIsTheP99() {
        long[] values = new long[50];
        java.util.Arrays.fill(values, 10);
        values[17] = 900;
        assertEquals(900, Percentiles.percentile(values, 99), "ceil(0.99 * 50) = 50th of 50: the slowest");
        assertEquals(10, Percentiles.percentile(values, 98));
    }

    @Test
    void noValuesHaveAPercentileOfZero() {
        assertEquals(0, Percentiles.percentile(new long[0], 99));
    }

    @Test
    void longestGapIsBetweenSuccessiveInstantsInTimeOrder() {
        assertEquals(700, Percentiles.longestGap(new long[] {1000, 2900, 2200, 1500, 3000}));
        assertEquals(0, Percentiles.longestGap(new long[] {5}));
        assertEquals(0, Percentiles.longestGap(new long[0]));
    }
}
