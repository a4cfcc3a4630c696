package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.net.URL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

// Its own application instance: once stopping, a replica never comes back.
@QuarkusTest
@WithTestResource(value = RedisServer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = FakeImageBackend.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class DrainingTest {

    @Inject
    Event<ShutdownDelayInitiatedEvent> shutdownDelay;

    @TestHTTPResource(value = "health/group/edge", management = true)
    URL edge;

    @Test
    void edgeCheckFailsFromTheShutdownDelayOnWhilePagesAreStillServed() {
        given().when().get(edge).then().statusCode(200).body("status", equalTo("UP"));

        shutdownDelay.fire(new ShutdownDelayInitiatedEvent());

        given().when().get(edge).then().statusCode(503).body("status", equalTo("DOWN"));
        given().when().get("/").then().statusCode(200);
        given().when().get("/healthz").then().statusCode(200);
    }
}
