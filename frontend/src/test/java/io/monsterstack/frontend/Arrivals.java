package io.monsterstack.frontend;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import org.awaitility.Awaitility;

/**
 * Counts the requests the frontend has received, per path, before any route handles them: a test
 * waits on it to know that its concurrent requests are all inside the frontend at the same time.
 */
@ApplicationScoped
public class Arrivals {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            counts.computeIfAbsent(context.request().path(), path -> new AtomicInteger()).incrementAndGet();
            context.next();
        });
    }

    /** Waits until {@code path} has received {@code expected} requests; fails after the timeout. */
    void await(String path, int expected, Duration timeout) {
        Awaitility.await(path + " receiving " + expected + " requests").atMost(timeout).pollInterval(Duration.ofMillis(5))
                .until(() -> count(path), count -> count >= expected);
    }

    private int count(String path) {
        AtomicInteger count = counts.get(path);
        return count == null ? 0 : count.get();
    }
}
