package io.monsterstack.drills.swarm;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds: no step of a drill is paced by a fixed sleep. */
public final class Wait {

    private Wait() {
    }

    /** Polls every {@code every} until {@code condition} holds; fails the drill after {@code within}. */
    public static void until(Duration within, Duration every, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new DrillFailure("timed out after " + within.toSeconds() + "s waiting for " + what);
            }
            pause(every);
        }
    }

    public static void until(Duration within, String what, BooleanSupplier condition) {
        until(within, Duration.ofSeconds(1), what, condition);
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DrillFailure("interrupted");
        }
    }
}
