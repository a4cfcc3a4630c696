package io.monsterstack.service.health;

import static io.monsterstack.service.RangeMessage.RANGE;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import io.monsterstack.service.DurationRange;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.Range;

/** {@code monsterstack.warm-up.*}: what a replica sends itself before it says it is healthy. */
@ConfigMapping(prefix = "monsterstack.warm-up")
public interface WarmUpConfig {

    /** How many requests; 0 turns the warm-up off (the replica is healthy as soon as it listens). */
    @WithDefault("${WARM_UP_REQUESTS:1500}")
    @Range(min = 0, max = 100_000, message = "(WARM_UP_REQUESTS) is ${validatedValue}; allowed: {min} (off) to {max}")
    int requests();

    /** Requests in flight at once: enough to keep the JIT busy, few enough to leave a core free. */
    @WithDefault("2")
    @Range(min = 1, max = 16, message = "is ${validatedValue}; allowed: {min} to {max}")
    int concurrency();

    /**
     * The warm-up ends at this deadline even if requests remain: it speeds a replica up, never keeps it
     * out. Up to 120 s for the image build's training run; in the stack, far less than the healthchecks'
     * start_period (40 s), within which nothing counts against a task.
     */
    @WithDefault("${WARM_UP_MAX_DURATION:10s}")
    @DurationRange(min = "1s", max = "120s", message = "(WARM_UP_MAX_DURATION)" + RANGE)
    Duration maxDuration();

    /**
     * Requests sent in turn: a path (GET), or {@code POST <path> <form body>}; {@code {n}} becomes
     * the request's number, so that each draws something new.
     */
    @NotEmpty
    List<String> paths();
}
