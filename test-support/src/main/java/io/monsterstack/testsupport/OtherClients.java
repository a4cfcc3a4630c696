package io.monsterstack.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Well-behaved clients asking a service, each request on its own connection, every 100 ms while an
 * attack runs: every answer must be a 200 within {@link #NORMAL_LATENCY}. A replica that is wedged,
 * half-wedged (one event loop of two stuck) or dead fails some of them, and so the test.
 */
public final class OtherClients implements AutoCloseable {

    /** Loopback answers take milliseconds; two seconds allow for a shared, busy machine. */
    public static final Duration NORMAL_LATENCY = Duration.ofSeconds(2);

    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile int asked;

    private OtherClients(int port, List<String> paths) {
        thread = new Thread(() -> {
            while (running.get()) {
                for (String path : paths) {
                    check(port, path);
                }
                pause();
            }
        }, "other-clients");
        thread.start();
    }

    public static OtherClients asking(int port, String... paths) {
        return new OtherClients(port, List.of(paths));
    }

    private void check(int port, String path) {
        RawHttp.Answer answer = RawHttp.get(port, path, NORMAL_LATENCY);
        asked++;
        if (answer.status() != 200) {
            failures.add(path + ": " + answer);
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops asking; empty when every answer was a timely 200, else how many of how many failed. */
    public String failures() throws InterruptedException {
        close();
        if (asked == 0 || !failures.isEmpty()) {
            return failures.size() + " of " + asked + " failed: " + failures.subList(0, Math.min(5, failures.size()));
        }
        return "";
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
