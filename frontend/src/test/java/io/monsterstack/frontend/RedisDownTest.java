package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import java.net.URL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.monsterstack.testsupport.ScrapedMetrics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@QuarkusTest
@WithTestResource(value = RedisServer.class, initArgs = @ResourceArg(name = "running", value = "false"))
@WithTestResource(FakeImageBackend.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisDownTest {

    @TestHTTPResource(value = "health", management = true)
    URL health;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    // First, so that no earlier request has used up the one warning of this minute.
    @Test
    @Order(1)
    void warnsOnceInsteadOfOnEveryRequest() {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(RateLimitedWarning.class.getName());
        logger.addHandler(handler);
        try {
            for (int i = 0; i < 5; i++) {
                given().when().get("/").then().statusCode(200);
            }
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, warnings.size(), "one warning for five pages served without Redis");
    }

    @Test
    void pageStillServedWithCounterDisabled() {
        given().when().get("/").then()
                .statusCode(200)
                .body(containsString("counter disabled"));
    }

    @Test
    void monstersStillServedFromTheBackend() {
        given().when().get("/monster/no-redis").then()
                .statusCode(200)
                .contentType("image/png");
    }

    @Test
    void servesAndSaysRedisIsDown() {
        DependencyDown.assertServingWithout(health, "redis", equalTo("connection refused"));
    }

    @Test
    void countsEveryRedisCommandGivenUp() {
        ScrapedMetrics before = ScrapedMetrics.scrape(metrics.toString());
        given().when().get("/").then().statusCode(200);
        // The page's INCRBY; then the monster's GET and, once drawn, its SET: refused, or skipped once
        // most of the last calls were.
        given().when().get("/monster/counted-without-redis").then().statusCode(200);
        ScrapedMetrics after = ScrapedMetrics.scrape(metrics.toString());
        assertEquals(3, givenUp(after, "error") + givenUp(after, "skipped") - givenUp(before, "error") - givenUp(before, "skipped"));
        assertEquals(0, givenUp(after, "timeout"));
    }

    private static double givenUp(ScrapedMetrics metrics, String kind) {
        return metrics.value("monsterstack_redis_errors_total", "kind", kind);
    }
}
