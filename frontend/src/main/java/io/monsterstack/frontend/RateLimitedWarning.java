package io.monsterstack.frontend;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.logging.Log;

/** A warning logged at most once a minute, so an outage under load does not flood the log. */
final class RateLimitedWarning {

    private static final long INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final String message;
    private final AtomicLong nextDue = new AtomicLong(System.nanoTime());

    RateLimitedWarning(String message) {
        this.message = message;
    }

    void log(Throwable failure) {
        long due = nextDue.get();
        long now = System.nanoTime();
        if (now - due >= 0 && nextDue.compareAndSet(due, now + INTERVAL_NANOS)) {
            Log.warnf("%s (repeats are logged at debug level for a minute): %s", message, failure.toString());
        } else {
            Log.debugf("%s: %s", message, failure.toString());
        }
    }
}
