package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(WarmingUpTest.LongWarmUp.class)
@WithTestResource(RedisServer.class)
@WithTestResource(FakeImageBackend.class)
class WarmingUpTest {

    /** More requests than the test lasts, one at a time: the warm-up is still running during the test. */
    public static class LongWarmUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("monsterstack.warm-up.requests", "100000",
                    "monsterstack.warm-up.concurrency", "1",
                    "monsterstack.warm-up.max-duration", "60s");
        }
    }

    @Test
    void aWarmingReplicaIsUnhealthyForSwarmAndTheEdgeButServes() {
        given().when().get("/healthz").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("warmedUp", equalTo(false))
                .body("redis", equalTo("UP"));
        given().when().get("/q/health/group/edge").then().statusCode(503)
                .body("checks.find { it.name == 'warm-up' }.status", equalTo("DOWN"));
        given().when().get("/").then().statusCode(200);
    }
}
