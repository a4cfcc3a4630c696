package io.monsterstack.imagebackend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import io.monsterstack.warmup.SelfWarmUp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(WarmUpTest.WarmUp.class)
class WarmUpTest {

    static final int REQUESTS = 300;

    public static class WarmUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("monsterstack.warm-up.requests", Integer.toString(REQUESTS));
        }
    }

    @Inject
    SelfWarmUp warmUp;

    @Test
    void healthyOnlyOnceEveryWarmUpMonsterWasDrawn() throws InterruptedException {
        for (int polls = 0; !warmUp.done() && polls < 300; polls++) {
            Thread.sleep(100);
        }
        assertTrue(warmUp.done(), "warm-up over within 30 s");
        assertEquals(REQUESTS, warmUp.answered(), "every warm-up monster drawn");
        assertEquals(0, warmUp.failed());
        given().when().get("/healthz").then().statusCode(200).body("warmedUp", equalTo(true));
    }
}
