package io.monsterstack.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.junit.jupiter.api.Test;

/**
 * What a finished warm-up must leave behind, checked through a service's own paths and {@code /healthz}:
 * each service extends it with a {@code @QuarkusTest} run under {@link Profile}.
 */
public abstract class WarmedUpContract {

    public static final int REQUESTS = 200;

    /** A warm-up short enough to end within the test. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("monsterstack.warm-up.requests", Integer.toString(REQUESTS));
        }
    }

    /** The service's metrics, on its management port. */
    @TestHTTPResource(value = "metrics", management = true)
    protected URL metrics;

    @Test
    void healthyOnlyOnceEveryWarmUpRequestIsAnswered() {
        awaitWarmedUp();
        ScrapedMetrics scrape = ScrapedMetrics.scrape(metrics.toString());
        assertEquals(REQUESTS, scrape.value("monsterstack_warmup_requests_total", "result", "answered"),
                "every warm-up request answered with a success");
        assertEquals(0, scrape.value("monsterstack_warmup_requests_total", "result", "failed"));
        given().when().get("/healthz").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("warmedUp", equalTo(true));
    }

    /** Waits up to 30 s for the warm-up to end, as its metric says; fails if it does not. */
    protected void awaitWarmedUp() {
        await("warm-up over").atMost(Duration.ofSeconds(30))
                .until(() -> ScrapedMetrics.scrape(metrics.toString()).value("monsterstack_warmup_done") == 1);
    }
}
