package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

/**
 * A replica with one event loop stuck (as a client that pipelines without reading once caused) must
 * fail every probe of the Swarm healthcheck, so that its retries see consecutive failures.
 */
@QuarkusTest
@WithTestResource(value = RedisServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeImageBackend.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WedgedEventLoopTest {

    // The no-IPVS override's frontend healthcheck (stack/docker-compose.no-ipvs.yml): timeout 2s, retries 3.
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final int RETRIES = 3;

    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    java.net.URL root;

    @Test
    void oneStuckEventLoopFailsEveryHealthcheckProbe() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        // Connections are spread over the loops: probes on the others must fail too, not answer 200.
        vertx.nettyEventLoopGroup().next().execute(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            // Twice the retries: with healthy loops answering 200 in turn, some of these would pass.
            for (int probe = 0; probe < 2 * RETRIES; probe++) {
                RawHttp.Answer answer = RawHttp.get(root.getPort(), "/healthz", PROBE_TIMEOUT);
                assertNotEquals(200, answer.status(), "probe " + probe + " passed with an event loop stuck: " + answer);
            }
        } finally {
            release.countDown();
        }
        given().when().get("/healthz").then().statusCode(200).body("status", equalTo("UP"));
    }
}
