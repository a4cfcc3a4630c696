package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import io.quarkus.test.common.http.TestHTTPResource;
import io.monsterstack.testsupport.ScrapedMetrics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RedisServer.class)
@WithTestResource(value = FakeImageBackend.class, initArgs = @ResourceArg(name = "running", value = "false"))
class ImageBackendDownTest {

    @TestHTTPResource(value = "health", management = true)
    URL health;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void monsterIs503WithRetryAfter() {
        given().when().get("/monster/nobody-draws-me").then()
                .statusCode(503)
                .header("Retry-After", equalTo("5"))
                .body(containsString("image backend"));
    }

    @Test
    void refusedConnectionIsRetriedOnceAndBothCallsAreCounted() {
        ScrapedMetrics before = ScrapedMetrics.scrape(metrics.toString());
        given().when().get("/monster/retry-me").then().statusCode(503);
        ScrapedMetrics after = ScrapedMetrics.scrape(metrics.toString());
        assertEquals(1, after.value("monsterstack_backend_retries_total") - before.value("monsterstack_backend_retries_total"),
                "one refused request, exactly one retry");
        assertEquals(2, after.value("monsterstack_backend_calls_total", "outcome", "unavailable")
                - before.value("monsterstack_backend_calls_total", "outcome", "unavailable"), "the call and its retry");
        assertEquals(2, after.value("monsterstack_backend_call_seconds_count")
                - before.value("monsterstack_backend_call_seconds_count"));
    }

    @Test
    void pageStillServedWithItsCounter() {
        given().when().get("/").then()
                .statusCode(200)
                .body(matchesPattern("(?s).*<dt>Visits</dt><dd>[0-9]+</dd>.*"));
    }

    @Test
    void servesAndSaysTheBackendIsDownInPlainWords() {
        // Plain words: no address, no exception class (those go to the log).
        DependencyDown.assertServingWithout(health, "imagebackend", equalTo("connection refused"));
    }
}
