package io.monsterstack.service.health;

import static io.monsterstack.service.RangeMessage.RANGE;

import java.time.Duration;

import io.monsterstack.service.DurationRange;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code monsterstack.event-loops.*}: when an event loop that runs nothing makes the replica dead. */
@ConfigMapping(prefix = "monsterstack.event-loops")
public interface EventLoopConfig {

    /**
     * How long an event loop may go without running its heartbeat before liveness and {@code /healthz}
     * say DOWN. Far longer than a healthy JVM is paused by CPU throttling at a fraction of a CPU (2.3 to
     * 2.6 s seen); at least two heartbeats.
     */
    @WithDefault("${EVENT_LOOP_STALL_LIMIT:10s}")
    @DurationRange(min = "2s", max = "60s", message = "(EVENT_LOOP_STALL_LIMIT)" + RANGE)
    Duration stallLimit();
}
