package io.monsterstack.testsupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What every hostile-client case checks on the service it attacks, whichever service that is. */
public final class AttackChecks {

    private AttackChecks() {
    }

    /**
     * The checks every attack must pass, measured while it still runs (printed first, so that a run on
     * unfixed code reports the same numbers): other clients served, the process alive and answering,
     * its peak RSS at most 90% of the container limit, its log short and without stack traces.
     */
    public static void assertServedAndBounded(String row, ServiceProcess service, int limitMb, long logStart,
            String path, String otherClientFailures) throws IOException {
        RawHttp.Answer now = RawHttp.get(service.port(), path, OtherClients.NORMAL_LATENCY);
        boolean alive = service.alive();
        long peak = alive ? service.memoryMb("VmHWM") : -1;
        String log = service.logSince(logStart);
        System.out.printf("%s: other clients %s; one more: %s; alive %s; peak RSS %d MB (limit %d); log +%d chars%n",
                row, otherClientFailures.isEmpty() ? "all served" : otherClientFailures, now, alive, peak, limitMb,
                log.length());
        assertEquals("", otherClientFailures, "other clients during the attack");
        assertTrue(alive, "the process died:\n" + log.substring(Math.max(0, log.length() - 2000)));
        assertEquals(200, now.status(), "a client at the end of the attack: " + now);
        // Headroom: a tenth of the container's limit left, for what a test on loopback does not show.
        assertTrue(peak <= limitMb * 9 / 10, "peak RSS " + peak + " MB, limit " + limitMb + " MB, headroom required 10%");
        assertTrue(log.length() < 2048 && !log.contains("OutOfMemoryError") && !log.contains("\tat "),
                "log during the attack, " + log.length() + " chars:\n" + log.substring(0, Math.min(4000, log.length())));
    }

    /** Waits until {@code path} answers 200 once: a first answer loads classes, slow on a busy machine. */
    public static void awaitServing(ServiceProcess service, String path) {
        await(path + " served").atMost(Duration.ofSeconds(30))
                .failFast("the process exited", () -> !service.alive())
                .until(() -> RawHttp.get(service.port(), path, Duration.ofSeconds(5)).status() == 200);
    }

    /** The attacks run on their own threads: the test lets them run for this long. */
    public static void letRun(Duration duration) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
