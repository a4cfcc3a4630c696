package io.monsterstack.service.health;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/** {@code monsterstack.warm-up.*}: what a replica sends itself before it says it is healthy. */
@ConfigMapping(prefix = "monsterstack.warm-up")
public interface WarmUpConfig {

    /** How many requests; 0 turns the warm-up off (the replica is healthy as soon as it listens). */
    @WithDefault("${WARM_UP_REQUESTS:1500}")
    @Min(value = 0, message = "(WARM_UP_REQUESTS) is ${validatedValue}; allowed: 0 (off) to 100000")
    @Max(value = 100_000, message = "(WARM_UP_REQUESTS) is ${validatedValue}; allowed: 0 (off) to 100000")
    int requests();

    /** Requests in flight at once: enough to keep the JIT busy, few enough to leave a core free. */
    @WithDefault("2")
    @Min(value = 1, message = "is ${validatedValue}; allowed: 1 to 16")
    @Max(value = 16, message = "is ${validatedValue}; allowed: 1 to 16")
    int concurrency();

    /**
     * The warm-up ends at this deadline even if requests remain: it speeds a replica up, never keeps it
     * out. At most the stack healthchecks' start_period (120 s), within which nothing counts against a task.
     */
    @WithDefault("${WARM_UP_MAX_DURATION:10s}")
    @DurationMin(seconds = 1, message = "(WARM_UP_MAX_DURATION) is ${validatedValue}; allowed: 1s to 120s")
    @DurationMax(seconds = 120, message = "(WARM_UP_MAX_DURATION) is ${validatedValue}; allowed: 1s to 120s")
    Duration maxDuration();

    /**
     * Requests sent in turn: a path (GET), or {@code POST <path> <form body>}; {@code {n}} becomes
     * the request's number, so that each draws something new.
     */
    @NotEmpty
    List<String> paths();
}
