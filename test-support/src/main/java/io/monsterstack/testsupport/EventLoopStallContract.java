package io.monsterstack.testsupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.monsterstack.service.health.EventLoopConfig;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

/**
 * What a service's {@code /healthz} answers while one of its real event loops is blocked, asked the
 * way the stack's healthcheck asks (a new connection each time, 2 s at most, so probes land on every
 * loop in turn): each service extends it with a {@code @QuarkusTest}. A loop silent for longer than
 * CPU throttling pauses a healthy JVM (2.3 to 2.6 s seen) but less than the stall limit leaves every
 * answer 200; a loop stalled past the limit makes every probe fail, until it runs again.
 */
public abstract class EventLoopStallContract {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** About ten probes a second, so that they land on every loop in turn. */
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(100);
    private static final int RETRIES = 3;
    private static final Duration THROTTLING_PAUSE = Duration.ofSeconds(3);
    // EventLoopHealthCheck's period: a loop's last heartbeat may be this old when it gets blocked.
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    @Inject
    Vertx vertx;

    @Inject
    EventLoopConfig config;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aLoopSilentForLongerThanAThrottlingPauseIsStillHealthy() {
        assertEquals(Duration.ofSeconds(10), config.stallLimit(), "EVENT_LOOP_STALL_LIMIT's default");
        RawHttp.Answer answer;
        try (BlockedLoop blocked = new BlockedLoop(vertx)) {
            // Short of the limit by two heartbeats, so that no probe of this loop may rightly see 503.
            answer = await("a 200 with a heartbeat " + THROTTLING_PAUSE + " old")
                    .atMost(until(blocked.since() + config.stallLimit().minus(HEARTBEAT.multipliedBy(2)).toNanos()))
                    .pollInterval(PROBE_INTERVAL)
                    .until(this::probe, probed -> {
                        // 0: no answer in time, the probe's connection went to the blocked loop itself.
                        assertTrue(probed.status() == 200 || probed.status() == 0, "during a pause: " + probed + " " + probed.body());
                        return probed.status() == 200 && heartbeatAgeMs(probed) >= THROTTLING_PAUSE.toMillis();
                    });
        }
        System.out.printf("paused loop: 200 with its heartbeat %d ms old%n", heartbeatAgeMs(answer));
        assertEquals("UP", JsonPath.from(answer.body()).getString("eventLoops"));
    }

    @Test
    void aLoopStalledPastTheLimitFailsEveryProbeUntilItRunsAgain() throws InterruptedException {
        long limitMs = config.stallLimit().toMillis();
        try (BlockedLoop blocked = new BlockedLoop(vertx)) {
            RawHttp.Answer answer = await("a 503 once the loop is stalled past the limit")
                    .atMost(until(blocked.since() + config.stallLimit().plusSeconds(10).toNanos()))
                    .pollInterval(PROBE_INTERVAL)
                    .until(this::probe, probed -> {
                        assertTrue(probed.status() == 200 || probed.status() == 503 || probed.status() == 0, probed.text());
                        return probed.status() == 503;
                    });
            long stalledMs = (System.nanoTime() - blocked.since()) / 1_000_000;
            assertTrue(stalledMs >= limitMs - HEARTBEAT.multipliedBy(2).toMillis(),
                    "503 after " + stalledMs + " ms, before the " + limitMs + " ms limit");
            assertEquals("DOWN", JsonPath.from(answer.body()).getString("eventLoops"));
            assertTrue(heartbeatAgeMs(answer) > limitMs, answer.body());
            System.out.printf("stalled loop: first 503 after %d ms (limit %d ms), in %d ms%n", stalledMs, limitMs,
                    answer.millis());
            // Whichever loop a probe lands on, it fails: the healthcheck's retries see consecutive failures.
            for (int probe = 0; probe < 2 * RETRIES; probe++) {
                TimeUnit.NANOSECONDS.sleep(PROBE_INTERVAL.toNanos());
                RawHttp.Answer next = probe();
                assertNotEquals(200, next.status(), "probe " + probe + " passed with a loop stalled: " + next);
            }
        }
        RawHttp.Answer answer = await("healthy again once the loop runs").atMost(Duration.ofSeconds(10))
                .pollInterval(PROBE_INTERVAL)
                .until(this::probe, probed -> probed.status() == 200);
        assertEquals("UP", JsonPath.from(answer.body()).getString("eventLoops"));
    }

    // A probe as the healthcheck sends it: a new connection, then at most 2 s.
    private RawHttp.Answer probe() {
        return RawHttp.get(root.getPort(), "/healthz", PROBE_TIMEOUT);
    }

    /** The time left until {@code nanoTime}, at least a probe's. */
    private static Duration until(long nanoTime) {
        return Duration.ofNanos(Math.max(nanoTime - System.nanoTime(), PROBE_TIMEOUT.toNanos()));
    }

    private static long heartbeatAgeMs(RawHttp.Answer answer) {
        return JsonPath.from(answer.body()).getLong("oldestHeartbeatAgeMs");
    }

    /** One of the service's event loops, held by a task until closed (a minute at most). */
    private static final class BlockedLoop implements AutoCloseable {

        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Long> since = new CompletableFuture<>();

        BlockedLoop(Vertx vertx) {
            vertx.nettyEventLoopGroup().next().execute(() -> {
                since.complete(System.nanoTime());
                try {
                    release.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        /** When the loop started running the task (waits for it to). */
        long since() {
            return since.join();
        }

        @Override
        public void close() {
            release.countDown();
        }
    }
}
