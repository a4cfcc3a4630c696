package io.monsterstack.drills.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunFiguresTest {

    private final List<RunFigures> figures = Fixtures.figures();

    @Test
    void cpuMicrosecondsPerRequestOfEveryProcessAndTheirTotal() {
        assertEquals(Map.of("frontend", 0.0, "imagebackend", 0.0, "redis", 0.0, "nginx", 10.0, "wrk", 5.0, "total", 15.0),
                figures.get(0).cpuUsPerRequest());
        assertEquals(Map.of("frontend", 50.0, "imagebackend", 0.0, "redis", 10.0, "nginx", 0.0, "wrk", 5.0, "total", 65.0),
                figures.get(3).cpuUsPerRequest());
        assertEquals(30.0, figures.get(1).threadCpuUsPerRequest().get("frontend").get("loops"));
        assertEquals(0.0, figures.get(1).threadCpuUsPerRequest().get("frontend").get("jit"));
    }

    @Test
    void theCeilingIsTheCoresOverTheTotalAndTheRatiosAreToNginxAtTheSameConnections() {
        RunFigures hit = figures.get(1);
        assertEquals(45.0, hit.totalUs());
        assertEquals(88_889, hit.cpuCeilingRps());  // 4 cores * 1e6 / 45 µs
        assertEquals(266_667, figures.get(0).cpuCeilingRps());
        assertEquals(0.5, hit.ratioToNginx());  // 25,000 / 50,000
        assertEquals(0.333, hit.predictedRatio());  // nginx's 15 µs / 45
        assertEquals(1.0, figures.get(0).ratioToNginx());
    }

    @Test
    void coresBusyAreTheCpuOfOurProcessesAndOfTheMachineOverTheWindow() {
        RunFigures hit = figures.get(1);
        assertEquals(2.25, hit.coresBusyOurs());  // frontend 2000 + wrk 250 ms in 1 s; its threads not counted twice
        assertEquals(3.0, hit.coresBusyMachine());
    }

    @Test
    void aBaselineRunCountsTheBaselinesServicesAsFrontendAndImagebackend() {
        RunFigures baseline = figures.get(2);
        assertEquals("hit", baseline.path());
        assertEquals("baseline", baseline.build());
        assertEquals(60.0, baseline.cpuUsPerRequest().get("frontend"));  // frontend@baseline's 3000 ms, not ours' 10
        assertEquals(0.4, baseline.ratioToNginx());
    }

    @Test
    void aRunWithoutNginxAtItsConnectionCountCannotBeCompared() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RunFigures.all(List.of(Fixtures.runs().get(1)), Fixtures.CORES));
        assertEquals("no nginx run at 16 connections to compare hit with", error.getMessage());
    }

    @Test
    void aRawRunReadsBackFromItsRunsTsvLine() {
        RawRun run = Fixtures.runs().get(1);
        RawRun read = RawRun.parse(run.line());
        assertEquals(run.scenario(), read.scenario());
        assertEquals(run.wrk(), read.wrk());
        assertEquals(run.before(), read.before());
        assertEquals(run.after(), read.after());
        assertEquals(250, read.wrkMs());
        assertThrows(IllegalArgumentException.class, () -> RawRun.parse("hit\t16"));
    }
}
