package io.monsterstack.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ScrapedMetricsTest {

    private static final ScrapedMetrics SCRAPE = ScrapedMetrics.parse("""
            # HELP lookups_total Where answers came from
            # TYPE lookups_total counter
            lookups_total{layer="memory",service="frontend",} 12.0
            lookups_total{layer="backend",service="frontend",} 3.0
            # TYPE up gauge
            up 1.0
            odd{text="a \\"quoted\\" \\\\ {x=1}, y",} 2.5 1700000000000
            """);

    @Test
    void sumsTheSeriesThatHaveTheLabelsAsked() {
        assertEquals(15.0, SCRAPE.value("lookups_total"));
        assertEquals(3.0, SCRAPE.value("lookups_total", "layer", "backend"));
        assertEquals(0.0, SCRAPE.value("lookups_total", "layer", "redis"));
        assertEquals(0.0, SCRAPE.value("missing_total"));
        assertEquals(1.0, SCRAPE.value("up"));
    }

    @Test
    void readsEscapedLabelValuesAndIgnoresTimestamps() {
        assertEquals(Map.of("text", "a \"quoted\" \\ {x=1}, y"), SCRAPE.samples().get(3).labels());
        assertEquals(2.5, SCRAPE.value("odd"));
    }

    @Test
    void listsTheValuesOfALabel() {
        assertEquals(Set.of("backend", "memory"), SCRAPE.labelValues("lookups_total", "layer"));
        assertEquals(Set.of("frontend"), SCRAPE.labelValues("lookups_total", "service"));
    }
}
