package io.monsterstack.drills.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class HealthFiguresTest {

    private static final long STEP = Instant.parse("2026-12-02T02:45:00Z").toEpochMilli();

    @Test
    void countsChecksAndFailuresAndTheSlowestCheck() {
        List<String> checks = List.of(
                "/old " + (STEP + 1000) + " " + (STEP + 1040) + " 0 2026-12-02T02:00:00.5Z",
                "/old " + (STEP + 4000) + " " + (STEP + 5600) + " 0 2026-12-02T02:00:00.5Z",
                "/new " + (STEP + 9000) + " " + (STEP + 9030) + " 1 2026-12-02T02:45:03.000000001Z");
        HealthFigures figures = HealthFigures.of(checks, STEP, List.of());
        assertEquals(3, figures.checks());
        assertEquals(1, figures.failed());
        assertEquals(1600, figures.slowestMs());
        assertEquals(0, figures.slowestStartMs(), "the new task has not passed a check yet");
    }

    @Test
    void aTaskStartedDuringTheStepIsHealthyAtItsFirstPassingCheck() {
        List<String> checks = List.of(
                "/new " + (STEP + 20_000) + " " + (STEP + 20_050) + " 0 2026-12-02T02:45:03Z",
                "/new " + (STEP + 17_000) + " " + (STEP + 17_100) + " 0 2026-12-02T02:45:03Z",
                "/new " + (STEP + 14_000) + " " + (STEP + 14_020) + " 1 2026-12-02T02:45:03Z",
                "/old " + (STEP + 1000) + " " + (STEP + 1010) + " 0 2026-12-02T01:00:00Z");
        HealthFigures figures = HealthFigures.of(checks, STEP, List.of(2400L, 3100L));
        assertEquals(17_100 - 3_000, figures.slowestStartMs());
        assertEquals(2, figures.stalls());
        assertEquals(3100, figures.longestStallMs());
    }
}
