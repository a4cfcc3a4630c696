package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import io.monsterstack.warmup.SelfWarmUp;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(WarmUpTest.WarmUp.class)
@WithTestResource(RedisServer.class)
@WithTestResource(FakeImageBackend.class)
class WarmUpTest {

    static final int REQUESTS = 200;

    public static class WarmUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("monsterstack.warm-up.requests", Integer.toString(REQUESTS));
        }
    }

    @Inject
    SelfWarmUp warmUp;

    @Inject
    RedisDataSource redis;

    @Test
    void warmUpSendsEveryPathAndCountsNoVisit() throws InterruptedException {
        for (int polls = 0; !warmUp.done() && polls < 300; polls++) {
            Thread.sleep(100);
        }
        assertTrue(warmUp.done(), "warm-up over within 30 s");
        assertEquals(REQUESTS, warmUp.answered(), "every warm-up request answered with a success");
        assertEquals(0, warmUp.failed());
        assertNull(redis.value(Long.class).get(VisitCounter.KEY), "the replica's own page views are no visits");
        given().when().get("/healthz").then().statusCode(200).body("warmedUp", equalTo(true));

        given().when().get("/").then().statusCode(200);
        given().header(SelfWarmUp.HEADER, "a guess").when().get("/").then().statusCode(200);
        assertEquals(2L, redis.value(Long.class).get(VisitCounter.KEY), "a visitor cannot pass for the warm-up");
    }
}
