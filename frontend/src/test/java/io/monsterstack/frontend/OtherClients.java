package io.monsterstack.frontend;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.monsterstack.warmup.RawHttp;

/**
 * Well-behaved clients asking a service, each on its own connection, every 100 ms while an attack
 * runs: an answer other than 200 within {@link #NORMAL_LATENCY} is a failure. The machine running
 * the tests may be shared and busy (class loading alone then pauses an event loop for a second), so
 * up to a third of the answers may fail; a replica that is wedged, half-wedged or dead fails more
 * (half of all answers, or all of them).
 */
final class OtherClients implements AutoCloseable {

    /** Loopback answers take milliseconds; two seconds allow for a shared, busy machine. */
    static final Duration NORMAL_LATENCY = Duration.ofSeconds(2);


    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private int asked;

    private OtherClients(int port, List<String> paths) {
        thread = new Thread(() -> {
            while (running.get()) {
                for (String path : paths) {
                    check(port, path);
                }
                sleepQuietly(100);
            }
        }, "other-clients");
        thread.start();
    }

    static OtherClients asking(int port, String... paths) {
        return new OtherClients(port, List.of(paths));
    }

    /** Asks once, now, and records a failure. */
    private void check(int port, String path) {
        RawHttp.Answer answer = RawHttp.get(port, path, NORMAL_LATENCY);
        asked++;
        if (answer.status() != 200) {
            failures.add(path + ": " + answer);
        }
    }

    /** Stops asking; empty when the failures are within tolerance, else how many of how many failed. */
    String failures() throws InterruptedException {
        close();
        if (asked == 0 || 3 * failures.size() > asked) {
            return failures.size() + " of " + asked + " failed: " + failures.subList(0, Math.min(5, failures.size()));
        }
        return "";
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
