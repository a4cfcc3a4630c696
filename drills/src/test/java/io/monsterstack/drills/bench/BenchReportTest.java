package io.monsterstack.drills.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private final List<RunFigures> runs = Fixtures.figures();
    private final List<ServiceFigures> services = ServiceFigures.fromFacts(Fixtures.facts());
    private final List<String> tables = new BenchReport(runs, services, BenchTargets.verdicts(runs, services), Fixtures.CORES).tables();

    @Test
    void aMarkdownTableAlignsTheFiguresRight() {
        assertEquals(List.of("| a | b | c |", "|---|---:|---:|", "| x | 1 | 2 |"),
                MarkdownTable.lines(List.of("a", "b", "c"), List.of(List.of("x", "1", "2"))));
    }

    @Test
    void everyTableHasItsRowsFromTheFigures() {
        assertTrue(tables.contains("| hit | 16 | 25,000 | 0.5 | 1.5 | 7.25 | 0 |"), String.join("\n", tables));
        assertTrue(tables.contains("| hit | 16 | 40.0 | 0.0 | 0.0 | 0.0 | 5.0 | 45.0 | 88,889 | 0.333 | 0.5 | 2.25 / 3.0 |"));
        assertTrue(tables.contains("| hit | 16 | 30.0 | 0.0 | 0.0 | 0.0 | 0.0 | 0.0 | 0.0 | 0.0 | 0.0 | 0.0 |"));
        assertTrue(tables.contains("| frontend | 800 ms | 1100 ms | 50 ms | 400 ms | 5000 ms | 4500 ms | 0.5 | 2.2 s / 9.0 s | 300 MB | 256 MB |"));
        assertTrue(tables.contains("| imagebackend | ready | 20 | 0 | 0 | 0 | 0 |"));
        assertTrue(tables.contains("| hit c=16: >= 0.67x nginx | NO | 0.5x, 25,000 req/s; CPU ceiling 0.333x (45.0 µs CPU/req against nginx 15.0) |"));
        assertTrue(tables.contains("| imagebackend: container start -> healthy <= 6 s at 0.3 CPU | floor ok | floor from CPU alone 5.0 s "
                + "(1500 ms CPU to healthy / 0.3); drill.sh measure-start times the containers |"));
    }

    @Test
    void theBaselineComparisonPairsEachOfOurPathsWithTheBaselinesAtTheSameConnections() {
        List<RunFigures[]> pairs = BenchReport.pairs(runs);
        assertEquals(1, pairs.size());
        assertEquals("hit", pairs.get(0)[0].scenario());
        assertEquals("hit@baseline", pairs.get(0)[1].scenario());
        assertTrue(tables.contains("| hit | 16 | 0.5 | 0.4 | 1.25 | 40.0 / 60.0 | 0.0 / 0.0 | 45.0 / 65.0 |"));
        assertEquals(List.of(), BenchReport.comparison(runs.subList(0, 2)));
    }

    @Test
    void theJsonHoldsEveryRunServiceAndTarget() {
        JsonObject json = Json.createReader(new StringReader(Results.json("2026-12-07 05:00 UTC", "Linux x86_64, 4 cores", runs, services,
                BenchTargets.verdicts(runs, services)))).readObject();
        assertEquals(4, json.getJsonArray("runs").size());
        assertEquals(0.333, json.getJsonArray("runs").getJsonObject(1).getJsonNumber("predicted_ratio").doubleValue());
        assertEquals(9.0, json.getJsonObject("services").getJsonObject("frontend").getJsonNumber("healthy_floor_under_limit_s").doubleValue());
        assertTrue(json.getJsonArray("targets").getJsonObject(3).isNull("met"));  // the image backend's healthy floor
    }
}
