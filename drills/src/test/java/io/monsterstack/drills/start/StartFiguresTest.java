package io.monsterstack.drills.start;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class StartFiguresTest {

    private static StartSample sample(long listening, long healthy, long cpu, long loops, long machine) {
        return new StartSample(listening, healthy, cpu, new ThreadGroups(loops, 3000, 150, 1100, 200), machine);
    }

    @Test
    void mediansOfThreeRunsWithEveryRunsHealthyCpuAndMachine() {
        // outside the JVM: 50, 350, 50; the rest of the machine: 100, 300, 100
        List<StartSample> runs = List.of(
                sample(6200, 11700, 5500, 1000, 5600),
                sample(6400, 12900, 6100, 1300, 6400),
                sample(6100, 11500, 5400, 900, 5500));
        assertEquals(List.of(
                "frontend (AOT, limits 0.5 CPU / 256m): listening 6200 ms, healthy (warmed up) 11700 ms (median of 3: 11700 12900 11500),"
                        + " CPU until healthy 5500 ms (median of 3: 5500 6100 5400)",
                "    CPU by thread (medians): event loops 1000 ms, JIT 3000, GC + VM 150, main 1100, other 200;"
                        + " outside the JVM (unpacking its AOT cache) 50; the rest of the machine meanwhile 100 ms (runs: 100 300 100)"),
                StartFigures.lines("frontend", "AOT", "0.5", 256, runs));
    }

    @Test
    void theMedianOfAnEvenNumberIsTheLowerMiddleAndOfOneItself() {
        List<StartSample> four = List.of(sample(1, 40, 0, 0, 0), sample(1, 10, 0, 0, 0), sample(1, 30, 0, 0, 0), sample(1, 20, 0, 0, 0));
        assertEquals(20, StartFigures.median(four, StartSample::healthyMs));
        assertEquals(40, StartFigures.median(four.subList(0, 1), StartSample::healthyMs));
    }

    @Test
    void whatTheContainerUsedBeyondItsThreadsIsTheEntrypointsAndTheMachinesBeyondItTheRest() {
        StartSample sample = sample(100, 200, 5000, 500, 5800);
        assertEquals(5000 - (500 + 3000 + 150 + 1100 + 200), sample.outsideMs());
        assertEquals(800, sample.othersMs());
    }
}
