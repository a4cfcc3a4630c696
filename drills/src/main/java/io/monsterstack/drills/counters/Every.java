package io.monsterstack.drills.counters;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A sampler's clock: runs a task every {@code period} on a thread of its own until stopped. */
final class Every {

    private final ScheduledExecutorService thread;

    Every(String name, Duration period, Runnable task) {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread sampler = new Thread(runnable, name);
            sampler.setDaemon(true);
            return sampler;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException taskGoneMeanwhile) {
                // A task or node that went away during the sample: the next sample stands.
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops after the sample in progress. */
    void stop() {
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
