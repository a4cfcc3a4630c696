package io.monsterstack.service.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.netty.util.concurrent.EventExecutor;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: DOWN once an event loop has gone {@code EVENT_LOOP_STALL_LIMIT} without running its
 * heartbeat, a task each loop runs every second. Connections are spread over the loops, so with one
 * loop stuck its share of requests would hang while the rest answered. Reading the heartbeats waits
 * for nothing, so {@code /healthz} answers at once; a replica paused a few seconds by CPU throttling
 * is slow, not dead, and stays UP.
 */
@Liveness
@ApplicationScoped
public class EventLoopHealthCheck implements HealthCheck {

    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private final List<EventExecutor> loops = new ArrayList<>();
    private final AtomicLongArray beats;
    private final Duration stallLimit;

    EventLoopHealthCheck(Vertx vertx, EventLoopConfig config) {
        vertx.nettyEventLoopGroup().forEach(loops::add);
        beats = new AtomicLongArray(loops.size());
        stallLimit = config.stallLimit();
        for (int loop = 0; loop < loops.size(); loop++) {
            beats.set(loop, System.nanoTime());
        }
    }

    void start(@Observes StartupEvent event) {
        for (int i = 0; i < loops.size(); i++) {
            int loop = i;
            loops.get(loop).scheduleWithFixedDelay(() -> beats.set(loop, System.nanoTime()),
                    HEARTBEAT.toNanos(), HEARTBEAT.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** The age of the oldest last heartbeat among the loops, and whether it is past the limit. */
    public record Heartbeat(Duration oldestAge, boolean stalled) {

        /** UP or DOWN, as health checks say it. */
        public String status() {
            return stalled ? "DOWN" : "UP";
        }
    }

    /** Reads the heartbeats as they are: never waits for a loop. */
    public Heartbeat heartbeat() {
        long now = System.nanoTime();
        long oldest = 0;
        for (int i = 0; i < beats.length(); i++) {
            oldest = Math.max(oldest, now - beats.get(i));
        }
        Duration age = Duration.ofNanos(oldest);
        return new Heartbeat(age, age.compareTo(stallLimit) > 0);
    }

    @Override
    public HealthCheckResponse call() {
        Heartbeat heartbeat = heartbeat();
        return HealthCheckResponse.named("event-loops").status(!heartbeat.stalled())
                .withData("oldestHeartbeatAgeMs", heartbeat.oldestAge().toMillis())
                .withData("stallLimitMs", stallLimit.toMillis())
                .build();
    }
}
