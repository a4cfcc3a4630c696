package io.monsterstack.drills.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.monsterstack.drills.bench.BenchTargets.Check;
import org.junit.jupiter.api.Test;

class BenchTargetsTest {

    private final Map<String, Check> checks = BenchTargets.verdicts(Fixtures.figures(), ServiceFigures.fromFacts(Fixtures.facts()))
            .stream().collect(Collectors.toMap(Check::target, Function.identity()));

    @Test
    void aRatioBelowItsTargetFailsAndSaysWhatTheCpuCeilingAllows() {
        Check hit = checks.get("hit c=16: >= 0.67x nginx");
        assertEquals("NO", hit.word());
        assertEquals("0.5x, 25,000 req/s; CPU ceiling 0.333x (45.0 µs CPU/req against nginx 15.0)", hit.measured());
    }

    @Test
    void aRatioAboveItsTargetFailsWithSocketErrors() {
        Check page = checks.get("page c=16: >= 0.3x nginx");
        assertEquals(Optional.of(false), page.met());  // 0.4 >= 0.3, but 3 socket errors
    }

    @Test
    void aBaselineRunIsNotJudged() {
        assertEquals(List.of(), checks.keySet().stream().filter(target -> target.contains("@")).toList());
        assertEquals(8, checks.size());  // hit and page; ready, healthy and peak RSS of each service
    }

    @Test
    void aHealthyFloorAboveTheTargetIsNoAndBelowItOnlyAFloor() {
        Check frontend = checks.get("frontend: container start -> healthy <= 8 s at 0.5 CPU");
        assertEquals("NO", frontend.word());
        assertEquals("floor from CPU alone 9.0 s (4500 ms CPU to healthy / 0.5); drill.sh measure-start times the containers",
                frontend.measured());
        assertEquals("floor ok", checks.get("imagebackend: container start -> healthy <= 6 s at 0.3 CPU").word());
    }

    @Test
    void readyAndPeakRssAgainstTheirLimits() {
        assertEquals("yes", checks.get("frontend: ready <= 1200 ms").word());
        assertEquals("800 ms (1100 ms CPU)", checks.get("frontend: ready <= 1200 ms").measured());
        assertEquals("NO", checks.get("frontend: peak RSS within 256 MB").word());
        assertEquals("yes", checks.get("imagebackend: peak RSS within 128 MB").word());
    }
}
