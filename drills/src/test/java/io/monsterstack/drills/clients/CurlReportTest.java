package io.monsterstack.drills.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CurlReportTest {

    @Test
    void titlesMoveFromOldToNewAndTheGapCountsFromTheFirstRequest() {
        CurlReport report = CurlReport.of(List.of(
                new CurlLoop.Hit(10_000, 200, "MonsterStack"),
                new CurlLoop.Hit(10_100, 200, "png"),
                new CurlLoop.Hit(10_300, 0, "-"),
                new CurlLoop.Hit(11_500, 200, "MonsterStack v2"),
                new CurlLoop.Hit(11_600, 200, "MonsterStack"),
                new CurlLoop.Hit(12_000, 200, "MonsterStack v2")));
        assertEquals(6, report.requests());
        assertEquals(1, report.failed());
        assertEquals(1400, report.gapMs());
        assertEquals("MonsterStack v2", report.lastTitle());
        assertTrue(report.saw("MonsterStack"));
        assertEquals(List.of(new CurlReport.Title("MonsterStack", 2, 0.0, 1.6), new CurlReport.Title("MonsterStack v2", 2, 1.5, 2.0)),
                report.titles());
        assertEquals("   0.3s  FAILED: status 0 (-)", report.lines().get(0));
    }

    @Test
    void aFirstRequestThatFailsStillStartsTheGap() {
        CurlReport report = CurlReport.of(List.of(new CurlLoop.Hit(0, 503, "-"), new CurlLoop.Hit(2500, 200, "png")));
        assertEquals(2500, report.gapMs());
        assertEquals("-", report.lastTitle());
    }
}
