package io.monsterstack.frontend;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.monsterstack.frontend.config.FrontendConfig;
import io.monsterstack.service.metrics.ServiceMetrics;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Bounds Redis calls in time and turns their failures into a fallback, a rate-limited warning and
 * monsterstack_redis_errors_total{kind="timeout|error|skipped"}. Once half of the last calls have
 * failed, calls skip Redis for a second, then one tries it again: while Redis restarts or cannot be
 * reached, pages are served at once without it instead of each waiting up to REDIS_TIMEOUT.
 */
@ApplicationScoped
public class RedisTrouble {

    private static final int RECENT_CALLS = 8;
    private static final Duration SKIPPED_FOR = Duration.ofSeconds(1);
    // The guarded calls' type, made once: a TypeLiteral finds its type by reflection.
    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {};

    private final Duration timeout;
    private final Guard breaker;
    private final RateLimitedWarning warning =
            new RateLimitedWarning("Redis unavailable, serving without its cache and the visit counter");
    private final Counter timeouts;
    private final Counter errors;
    private final Counter skipped;

    RedisTrouble(FrontendConfig config, PrometheusMeterRegistry registry) {
        this.timeout = config.redisTimeout();
        this.breaker = Guard.create().withCircuitBreaker()
                .requestVolumeThreshold(RECENT_CALLS).failureRatio(0.5).delay(SKIPPED_FOR.toMillis(), ChronoUnit.MILLIS)
                .done().build();
        String description = "Redis commands given up, served without Redis: timeout (REDIS_TIMEOUT), error,"
                + " or skipped (Redis failing just before)";
        this.timeouts = ServiceMetrics.counter(registry, "monsterstack.redis.errors", description, "kind", "timeout");
        this.errors = ServiceMetrics.counter(registry, "monsterstack.redis.errors", description, "kind", "error");
        this.skipped = ServiceMetrics.counter(registry, "monsterstack.redis.errors", description, "kind", "skipped");
    }

    /** The call's result, or {@code fallback} when Redis fails, is slower than the configured timeout or failing. */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> tolerate(Uni<T> call, T fallback) {
        Uni<Object> bounded = (Uni<Object>) call.ifNoItem().after(timeout).fail();
        return ((Uni<T>) breaker.get(() -> bounded, UNI))
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof CircuitBreakerOpenException) {
                        skipped.increment();
                    } else {
                        (failure instanceof TimeoutException ? timeouts : errors).increment();
                        warning.log(failure);
                    }
                    return fallback;
                });
    }
}
