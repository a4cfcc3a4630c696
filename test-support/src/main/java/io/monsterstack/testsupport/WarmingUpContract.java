package io.monsterstack.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a replica must answer while it still warms up, checked through a service's own {@code /healthz}
 * and one of its paths: each service extends it with a {@code @QuarkusTest} run under {@link Profile}.
 * The tests run in their order, the warm-up's deadline between the second and the last: a subclass's
 * own test of a warming replica takes {@code @Order(1)}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class WarmingUpContract {

    /** The warm-up's deadline, counted from the service's start. */
    private static final Duration DEADLINE = Duration.ofSeconds(8);

    /** More requests than the deadline lets through, one at a time: the deadline ends the warm-up. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("monsterstack.warm-up.requests", "100000",
                    "monsterstack.warm-up.concurrency", "1",
                    "monsterstack.warm-up.max-duration", DEADLINE.toSeconds() + "s");
        }
    }

    private final String servedPath;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "health/group/edge", management = true)
    URL edge;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource("/")
    URL root;

    /** {@code servedPath}: a path of the service that must answer 200 while it warms up. */
    protected WarmingUpContract(String servedPath) {
        this.servedPath = servedPath;
    }

    @Test
    @Order(1)
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

    @Test
    @Order(2)
    void aHealthcheckMayWaitForTheWarmUpAsLongAsItAsks() {
        long start = System.nanoTime();
        given().when().get("/healthz?wait=1").then().statusCode(503).body("warmedUp", equalTo(false));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(waited.compareTo(Duration.ofSeconds(1)) >= 0 && waited.compareTo(Duration.ofSeconds(4)) < 0,
                "held 1 s, then answered: " + waited);
        for (String wait : List.of("4", "-1", "2s", "1000")) {
            given().when().get("/healthz?wait=" + wait).then().statusCode(400)
                    .body(equalTo("wait must be whole seconds from 0 to 3\n"));
        }
    }

    /**
     * Checks held 3 s each, one sent every half second until one is answered 200: when the warm-up
     * ends, all those still held are answered at once. Were each held until its own limit, their
     * answers would come half a second apart.
     */
    @Test
    @Order(3)
    void heldHealthchecksAreAnsweredTogetherWhenTheWarmUpEnds() throws Exception {
        ExecutorService clients = Executors.newCachedThreadPool();
        List<CompletableFuture<Long>> healthyAt = new ArrayList<>();
        try {
            long giveUp = System.nanoTime() + DEADLINE.plusSeconds(10).toNanos();
            while (healthyAt.stream().noneMatch(answer -> answer.isDone() && answer.join() > 0) && System.nanoTime() < giveUp) {
                healthyAt.add(CompletableFuture.supplyAsync(() -> {
                    RawHttp.Answer answer = RawHttp.get(root.getPort(), "/healthz?wait=3", Duration.ofSeconds(5));
                    return answer.status() == 200 ? System.nanoTime() : -answer.status();
                }, clients));
                TimeUnit.MILLISECONDS.sleep(500);
            }
            List<Long> times = healthyAt.stream().map(CompletableFuture::join).filter(at -> at > 0).sorted().toList();
            int together = 0;
            for (int first = 0; first < times.size(); first++) {
                int last = first;
                while (last + 1 < times.size() && times.get(last + 1) - times.get(first) < Duration.ofMillis(300).toNanos()) {
                    last++;
                }
                together = Math.max(together, last - first + 1);
            }
            assertTrue(together >= 3, together + " of " + healthyAt.size() + " held checks answered 200 within 300 ms of one another");
        } finally {
            clients.shutdownNow();
        }
    }
}
