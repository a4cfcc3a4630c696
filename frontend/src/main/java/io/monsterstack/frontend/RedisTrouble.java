package io.monsterstack.frontend;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.monsterstack.frontend.config.FrontendConfig;
import io.monsterstack.service.metrics.ServiceMetrics;

/**
 * Bounds Redis calls in time and turns their failures into a fallback, a rate-limited warning and
 * monsterstack_redis_errors_total{kind="timeout|error"}.
 */
@ApplicationScoped
public class RedisTrouble {

    private final Duration timeout;
    private final RateLimitedWarning warning =
            new RateLimitedWarning("Redis unavailable, serving without its cache and the visit counter");
    private final Counter timeouts;
    private final Counter errors;

    RedisTrouble(FrontendConfig config, PrometheusMeterRegistry registry) {
        this.timeout = config.redisTimeout();
        String description = "Redis commands given up, served without Redis: timeout (REDIS_TIMEOUT) or error";
        this.timeouts = ServiceMetrics.counter(registry, "monsterstack.redis.errors", description, "kind", "timeout");
        this.errors = ServiceMetrics.counter(registry, "monsterstack.redis.errors", description, "kind", "error");
    }

    /** The call's result, or {@code fallback} when Redis fails or is slower than the configured timeout. */
    public <T> Uni<T> tolerate(Uni<T> call, T fallback) {
        return call.ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(failure -> {
                    (failure instanceof TimeoutException ? timeouts : errors).increment();
                    warning.log(failure);
                    return fallback;
                });
    }
}
