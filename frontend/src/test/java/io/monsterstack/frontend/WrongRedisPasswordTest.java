package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A frontend whose Redis password is not Redis's, as while a secret rotation is half done: it
 * degrades to "counter disabled" and must not keep a connection per failed handshake (Redis answers
 * WRONGPASS and leaves the socket open), which exhausted the heap within seconds under load. Its
 * pool holds one connection, fewer than the handshakes made before failing calls skip Redis.
 */
@QuarkusTest
@TestProfile(WrongRedisPasswordTest.OneConnection.class)
@WithTestResource(value = RedisServer.class, initArgs = @ResourceArg(name = "password", value = "wrong"))
@WithTestResource(FakeImageBackend.class)
class WrongRedisPasswordTest {

    private static final int POOL_SIZE = 1;
    private static final int PAGES = 300;

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("monsterstack.redis.pool-size", Integer.toString(POOL_SIZE));
        }
    }

    RedisServer.Admin redis;

    @TestHTTPResource(value = "health", management = true)
    URL health;

    @Test
    void servesAndSaysTheAuthenticationFailed() {
        DependencyDown.assertServingWithout(health, "redis", equalTo("authentication failed"));
    }

    @Test
    void failedHandshakesLeaveNoConnectionOpen() throws IOException {
        for (int i = 0; i < PAGES; i++) {
            given().when().get("/").then().statusCode(200).body(containsString("counter disabled"));
        }
        int connected = redis.connectedClients() - 1; // less the one asking
        assertTrue(connected <= POOL_SIZE,
                connected + " connections still open to Redis after " + PAGES + " pages met a wrong password");
    }
}
