package io.monsterstack.service.health;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/** {@code monsterstack.event-loops.*}: when an event loop that runs nothing makes the replica dead. */
@ConfigMapping(prefix = "monsterstack.event-loops")
public interface EventLoopConfig {

    /**
     * How long an event loop may go without running its heartbeat before liveness and {@code /healthz}
     * say DOWN. Far longer than a healthy JVM is paused by CPU throttling at a fraction of a CPU (2.3 to
     * 2.6 s seen); at least two heartbeats.
     */
    @WithDefault("${EVENT_LOOP_STALL_LIMIT:10s}")
    @DurationMin(seconds = 2, message = "(EVENT_LOOP_STALL_LIMIT) is ${validatedValue}; allowed: 2s to 60s")
    @DurationMax(seconds = 60, message = "(EVENT_LOOP_STALL_LIMIT) is ${validatedValue}; allowed: 2s to 60s")
    Duration stallLimit();
}
