package io.monsterstack.imagebackend;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.monsterstack.testsupport.ScrapedMetrics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

// A profile of its own, so an application instance of its own: the uri values seen are this class's requests only.
@QuarkusTest
@TestProfile(MetricsTest.OwnInstance.class)
class MetricsTest {

    public static class OwnInstance implements QuarkusTestProfile {
    }

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void labelsRequestsWithRouteTemplatesOnly() {
        ScrapedMetrics before = ScrapedMetrics.scrape(metrics.toString());
        given().when().get("/monster/first-visitor").then().statusCode(200);
        given().when().get("/monster/second-visitor?size=40").then().statusCode(200);
        given().when().get("/monster/too-large?size=5000").then().statusCode(400);
        given().when().get("/").then().statusCode(200);
        given().when().get("/healthz").then().statusCode(200);
        given().when().get("/no/such/path").then().statusCode(404);
        given().when().get("/monster/").then().statusCode(404);
        given().when().delete("/monster/a-secret-name").then().statusCode(405);

        ScrapedMetrics after = ScrapedMetrics.scrape(metrics.toString());
        assertEquals(Set.of("/", "/monster/{name}", "/healthz", "UNKNOWN"),
                after.labelValues("http_server_requests_seconds_count", "uri"));
        String count = "http_server_requests_seconds_count";
        assertEquals(4, after.value(count, "uri", "/monster/{name}") - before.value(count, "uri", "/monster/{name}"));
        assertEquals(2, after.value(count, "uri", "UNKNOWN") - before.value(count, "uri", "UNKNOWN"),
                "the scrapes of /q/metrics are not counted");
        // The fixed buckets, the last one counting everything.
        assertEquals(Set.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "+Inf"),
                after.labelValues("http_server_requests_seconds_bucket", "le"));
        assertEquals(after.value(count), after.value("http_server_requests_seconds_bucket", "le", "+Inf"));
    }

    @Test
    void countsMonstersDrawnBySizeBucketAndTheirRenderTime() {
        ScrapedMetrics before = ScrapedMetrics.scrape(metrics.toString());
        for (int size : new int[] {12, 32, 33, 128, 500, 1024}) {
            given().when().get("/monster/sized-{size}?size={size}", size, size).then().statusCode(200);
        }
        String etag = given().when().get("/monster/cached").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/monster/cached").then().statusCode(304);

        ScrapedMetrics after = ScrapedMetrics.scrape(metrics.toString());
        Map<String, Double> expected = Map.of("le32", 2.0 + 1, "le128", 2.0, "le512", 1.0, "le1024", 1.0, "gt1024", 0.0);
        expected.forEach((size, count) -> assertEquals(count,
                after.value("monsterstack_monsters_drawn_total", "size", size)
                        - before.value("monsterstack_monsters_drawn_total", "size", size), size));
        assertEquals(7, after.value("monsterstack_render_seconds_count") - before.value("monsterstack_render_seconds_count"),
                "six sizes and one default-size monster rendered, the 304 not");
    }

    @Test
    void everySeriesNamesTheServiceAndTheBuildIsKnown() {
        given().when().get("/monster/labelled").then().statusCode(200);
        ScrapedMetrics scrape = ScrapedMetrics.scrape(metrics.toString());
        assertTrue(scrape.samples().size() > 10, "a scrape has the service's series");
        scrape.samples().forEach(sample -> assertEquals("imagebackend", sample.labels().get("service"), sample.toString()));
        assertEquals(1, scrape.value("monsterstack_build_info"));
        assertEquals(1, scrape.labelValues("monsterstack_build_info", "version").size());
        assertEquals(1, scrape.value("monsterstack_warmup_done"));
    }
}
