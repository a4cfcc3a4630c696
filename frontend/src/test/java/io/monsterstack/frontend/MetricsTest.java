package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Set;

import jakarta.inject.Inject;

import io.monsterstack.testsupport.ScrapedMetrics;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

// Resources of its own, so an application instance of its own: the uri values seen are this class's requests only.
@QuarkusTest
@WithTestResource(value = RedisServer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = FakeImageBackend.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class MetricsTest {

    private static final String REQUESTS = "http_server_requests_seconds_count";
    private static final String LOOKUPS = "monsterstack_monster_lookups_total";
    private static final String CALLS = "monsterstack_backend_calls_total";

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    RedisDataSource redis;

    @Test
    void labelsRequestsWithRouteTemplatesNeverWithWhatVisitorsTyped() {
        given().when().get("/monster/ada-lovelace").then().statusCode(200);
        given().when().get("/monster/grace-hopper").then().statusCode(200);
        given().when().delete("/monster/a-secret-name").then().statusCode(404);
        given().when().get("/").then().statusCode(200);
        given().formParam("name", "Alan Turing").when().post("/").then().statusCode(200);
        given().when().get("/healthz").then().statusCode(200);
        given().when().get("/favicon.svg").then().statusCode(200);
        given().when().get("/css/monsterstack.css").then().statusCode(200);
        given().when().get("/css/missing-visitor-file.css").then().statusCode(404);
        given().when().get("/no-such-visitor-path").then().statusCode(404);
        given().when().get("/monster/a/b").then().statusCode(404);

        ScrapedMetrics scrape = ScrapedMetrics.scrape(metrics.toString());
        assertEquals(Set.of("/", "/monster/{name}", "/healthz", "/favicon.svg", "/css/{file}", "UNKNOWN"),
                scrape.labelValues(REQUESTS, "uri"));
        assertEquals(Set.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "+Inf"),
                scrape.labelValues("http_server_requests_seconds_bucket", "le"));
        assertEquals(scrape.value(REQUESTS), scrape.value("http_server_requests_seconds_bucket", "le", "+Inf"));
    }

    @Test
    void aMissThenAHitComeFromTheBackendThenFromMemory() {
        ScrapedMetrics before = ScrapedMetrics.scrape(metrics.toString());
        given().when().get("/monster/miss-then-hit").then().statusCode(200);
        ScrapedMetrics miss = ScrapedMetrics.scrape(metrics.toString());
        assertEquals(1, delta(before, miss, LOOKUPS, "layer", "backend"));
        assertEquals(0, delta(before, miss, LOOKUPS, "layer", "memory"));
        assertEquals(1, delta(before, miss, CALLS, "outcome", "ok"));
        assertEquals(1, delta(before, miss, "monsterstack_backend_call_seconds_count"));

        given().when().get("/monster/miss-then-hit").then().statusCode(200);
        ScrapedMetrics hit = ScrapedMetrics.scrape(metrics.toString());
        assertEquals(1, delta(miss, hit, LOOKUPS, "layer", "memory"));
        assertEquals(0, delta(miss, hit, LOOKUPS, "layer", "backend"));
        assertEquals(0, delta(miss, hit, CALLS));
    }

    @Test
    void aMonsterAnotherReplicaStoredComesFromRedis() {
        byte[] png = given().when().get("/monster/drawn-elsewhere").then().statusCode(200).extract().asByteArray();
        redis.value(byte[].class).set("monster:100:stored-by-another-replica", png);
        ScrapedMetrics before = ScrapedMetrics.scrape(metrics.toString());
        given().when().get("/monster/stored-by-another-replica").then().statusCode(200);
        ScrapedMetrics after = ScrapedMetrics.scrape(metrics.toString());
        assertEquals(1, delta(before, after, LOOKUPS, "layer", "redis"));
        assertEquals(0, delta(before, after, CALLS));
    }

    @Test
    void backendCallsAreCountedByOutcome() {
        ScrapedMetrics before = ScrapedMetrics.scrape(metrics.toString());
        given().when().get("/monster/status-404-outcome").then().statusCode(404);
        given().when().get("/monster/status-500-outcome").then().statusCode(503);
        given().when().get("/monster/garbage-outcome").then().statusCode(503);
        given().when().get("/monster/stall-outcome").then().statusCode(503);
        ScrapedMetrics after = ScrapedMetrics.scrape(metrics.toString());
        assertEquals(1, delta(before, after, CALLS, "outcome", "client_error"));
        assertEquals(2, delta(before, after, CALLS, "outcome", "unavailable"));
        assertEquals(1, delta(before, after, CALLS, "outcome", "timeout"));
        assertEquals(0, delta(before, after, CALLS, "outcome", "ok"));
        assertEquals(4, delta(before, after, "monsterstack_backend_call_seconds_count"));
        assertEquals(0, delta(before, after, "monsterstack_backend_retries_total"), "only refused connections are retried");
        assertEquals(0, delta(before, after, LOOKUPS), "no monster served");
    }

    @Test
    void countsVisitsButNotTheirMonsters() {
        ScrapedMetrics before = ScrapedMetrics.scrape(metrics.toString());
        given().when().get("/").then().statusCode(200);
        given().formParam("name", "Visitor").when().post("/").then().statusCode(200);
        ScrapedMetrics after = ScrapedMetrics.scrape(metrics.toString());
        assertEquals(2, delta(before, after, "monsterstack_visits_total"));
        assertEquals(0, delta(before, after, "monsterstack_redis_errors_total"));
    }

    @Test
    void everySeriesNamesTheServiceAndTheBuildIsKnown() {
        given().when().get("/monster/labelled").then().statusCode(200);
        ScrapedMetrics scrape = ScrapedMetrics.scrape(metrics.toString());
        assertTrue(scrape.samples().size() > 20, "a scrape has the service's series");
        scrape.samples().forEach(sample -> assertEquals("frontend", sample.labels().get("service"), sample.toString()));
        assertEquals(1, scrape.value("monsterstack_build_info"));
        assertEquals(1, scrape.labelValues("monsterstack_build_info", "version").size());
        assertEquals(1, scrape.value("monsterstack_warmup_done"), "warm-up is off in tests");
    }

    private static double delta(ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
