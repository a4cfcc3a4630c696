package io.monsterstack.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.junit.jupiter.api.Test;

/**
 * What a replica must answer while it still warms up, checked through a service's own {@code /healthz}
 * and one of its paths: each service extends it with a {@code @QuarkusTest} run under {@link Profile}.
 */
public abstract class WarmingUpContract {

    /** More requests than the test lasts, one at a time: the warm-up is still running during the test. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("monsterstack.warm-up.requests", "100000",
                    "monsterstack.warm-up.concurrency", "1",
                    "monsterstack.warm-up.max-duration", "60s");
        }
    }

    private final String servedPath;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "health/group/edge", management = true)
    URL edge;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    /** {@code servedPath}: a path of the service that must answer 200 while it warms up. */
    protected WarmingUpContract(String servedPath) {
        this.servedPath = servedPath;
    }

    @Test
    void aWarmingReplicaIsUnhealthyForSwarmAndTheEdgeButServes() {
        given().when().get("/healthz").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("warmedUp", equalTo(false));
        given().when().get(ready).then().statusCode(503)
                .body("checks.find { it.name == 'warm-up' }.status", equalTo("DOWN"));
        given().when().get(edge).then().statusCode(503)
                .body("checks.find { it.name == 'warm-up' }.status", equalTo("DOWN"));
        given().when().get(servedPath).then().statusCode(200);
        assertEquals(0, ScrapedMetrics.scrape(metrics.toString()).value("monsterstack_warmup_done"));
    }
}
