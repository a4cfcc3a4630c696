package io.monsterstack.warmup;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** {@code monsterstack.event-loops.*}: when an event loop that runs nothing makes the replica dead. */
@ConfigMapping(prefix = "monsterstack.event-loops")
public interface EventLoopConfig {

    /**
     * How long an event loop may go without running its heartbeat before liveness and {@code /healthz}
     * say DOWN. Far longer than a healthy JVM is paused by CPU throttling at a fraction of a CPU (2.3 to
     * 2.6 s seen); at least two heartbeats.
     */
    @DurationRange(min = "2s", max = "60s", message = "(EVENT_LOOP_STALL_LIMIT) is ${validatedValue}; allowed: {min} to {max}")
    Duration stallLimit();
}
