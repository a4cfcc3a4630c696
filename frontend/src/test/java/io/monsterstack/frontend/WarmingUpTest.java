package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.monsterstack.testsupport.WarmingUpContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** A warming frontend still serves its page, and its /healthz still reports Redis. */
@QuarkusTest
@TestProfile(WarmingUpContract.Profile.class)
@WithTestResource(RedisServer.class)
@WithTestResource(FakeImageBackend.class)
class WarmingUpTest extends WarmingUpContract {

    WarmingUpTest() {
        super("/");
    }

    @Test
    @Order(1)
    void aWarmingReplicaStillReportsRedis() {
        given().when().get("/healthz").then().statusCode(503).body("redis", equalTo("UP"));
    }
}
