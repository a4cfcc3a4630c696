package io.monsterstack.drills.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.monsterstack.drills.clients.CurlReport;
import io.monsterstack.drills.clients.IndependentFigures;
import io.monsterstack.drills.clients.LoadFigures;
import io.monsterstack.drills.counters.EdgeCount;
import io.monsterstack.drills.counters.HealthFigures;
import io.monsterstack.drills.counters.ServerFigures;

class VerdictTest {

    private static final Targets SINGLE_NODE = new Targets(500, 1000, true);
    private static final String LOAD_FAILURE = "POST / on http://127.0.0.1:5000: java.net.SocketTimeoutException: Read timed out";
    private static final String CURL_FAILURE = "   3.2s  FAILED: status 502 (-)";

    /** A step: load, curl and independent requests and failures, edge and frontend retries, servers' count, p99 and curl gap. */
    static StepFigures figures(int loadFailed, int curlFailed, int independentFailed, long edgeRetries, long frontendRetries,
            Optional<ServerFigures> servers, long p99, long gap) {
        LoadFigures load = new LoadFigures(10_000, loadFailed, 20, p99, p99 + 50, 120, 5000, 5000, Map.of(200, 10_000 - loadFailed),
                Collections.nCopies(Math.min(loadFailed, 10), LOAD_FAILURE));
        CurlReport curl = new CurlReport(List.of(), 500, curlFailed, gap, Collections.nCopies(curlFailed, CURL_FAILURE));
        return new StepFigures(load, curl, new IndependentFigures(500, independentFailed, 40, 300),
                Optional.of(new EdgeCount(edgeRetries, 0, 0, 0, 0)), frontendRetries, servers, new HealthFigures(10, 0, 50, 0, 0, 0));
    }

    static StepFigures clean() {
        return figures(0, 0, 0, 0, 0, Optional.of(new ServerFigures(11_000, 0, 0)), 200, 400);
    }

    @Test
    void aCleanStepIsOk() {
        Verdict verdict = Verdict.judge(clean(), Verdict.Kind.PLANNED, SINGLE_NODE);
        assertEquals("ok", verdict.word());
        assertEquals(List.of(), verdict.misses());
    }

    @Test
    void oneFailedRequestOfAnyClientFailsAPlannedStep() {
        Map<StepFigures, String> misses = Map.of(
                figures(1, 0, 0, 0, 0, Optional.empty(), 200, 400), "1 failed (first: load: " + LOAD_FAILURE + ")",
                figures(0, 1, 0, 0, 0, Optional.empty(), 200, 400), "1 failed (first: curl: 3.2s  FAILED: status 502 (-))",
                figures(0, 0, 1, 0, 0, Optional.empty(), 200, 400), "1 failed");
        misses.forEach((one, miss) -> {
            Verdict verdict = Verdict.judge(one, Verdict.Kind.PLANNED, SINGLE_NODE);
            assertEquals("FAILED", verdict.word());
            assertEquals(List.of(miss), verdict.misses());
        });
    }

    @Test
    void retriesOfTheEdgeAndOfTheFrontendsAddUp() {
        Verdict verdict = Verdict.judge(figures(0, 0, 0, 2, 3, Optional.empty(), 200, 400), Verdict.Kind.PLANNED, SINGLE_NODE);
        assertEquals(List.of("5 retried"), verdict.misses());
    }

    @Test
    void latencyTargetsAreInclusive() {
        assertEquals("ok", Verdict.judge(figures(0, 0, 0, 0, 0, Optional.empty(), 500, 1000), Verdict.Kind.PLANNED, SINGLE_NODE).word());
        Verdict slow = Verdict.judge(figures(0, 0, 0, 0, 0, Optional.empty(), 501, 1001), Verdict.Kind.PLANNED, SINGLE_NODE);
        assertEquals(List.of("load p99 501 ms > 500", "curl gap 1001 ms > 1000"), slow.misses());
    }

    @Test
    void serversMustAgreeWithTheClientsWithinFivePercent() {
        // The clients sent 11,000 requests: 5 % is 550.
        assertEquals("ok", judgeWithServers(11_550, 0).word());
        assertEquals("ok", judgeWithServers(10_450, 0).word());
        assertTrue(judgeWithServers(11_551, 0).misses().get(0).startsWith("the servers counted 11551 requests, the clients 11000"));
        assertTrue(judgeWithServers(10_449, 0).misses().get(0).startsWith("the servers counted 10449"));
        assertEquals(List.of("the servers answered 3 5xx, the clients saw none fail"), judgeWithServers(11_000, 3).misses());
    }

    @Test
    void serversAreNotComparedWhenClientsSawFailures() {
        StepFigures failing = figures(2, 0, 0, 0, 0, Optional.of(new ServerFigures(5_000, 2, 0)), 200, 400);
        assertEquals(List.of("2 failed (first: load: " + LOAD_FAILURE + ")"), Verdict.judge(failing, Verdict.Kind.PLANNED, SINGLE_NODE).misses());
    }

    @Test
    void anUnplannedStepIsReportedAndANonStrictMissIsMissed() {
        StepFigures failing = figures(7, 0, 2, 5, 0, Optional.empty(), 900, 2000);
        assertEquals("reported", Verdict.judge(failing, Verdict.Kind.UNPLANNED, SINGLE_NODE).word());
        assertEquals("MISSED", Verdict.judge(failing, Verdict.Kind.PLANNED, new Targets(500, 1000, false)).word());
        assertEquals("ok", Verdict.judge(figures(0, 0, 0, 0, 0, Optional.empty(), 1900, 2900), Verdict.Kind.PLANNED,
                new Targets(2000, 3000, true)).word(), "the multi-node drill's looser bounds");
    }

    private static Verdict judgeWithServers(long requests, long fivexx) {
        return Verdict.judge(figures(0, 0, 0, 0, 0, Optional.of(new ServerFigures(requests, fivexx, 0)), 200, 400),
                Verdict.Kind.PLANNED, SINGLE_NODE);
    }
}
