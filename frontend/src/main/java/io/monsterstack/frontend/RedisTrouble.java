package io.monsterstack.frontend;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.monsterstack.frontend.config.FrontendConfig;

/** Bounds Redis calls in time and turns their failures into a fallback and a rate-limited warning. */
@ApplicationScoped
public class RedisTrouble {

    private final Duration timeout;
    private final RateLimitedWarning warning =
            new RateLimitedWarning("Redis unavailable, serving without its cache and the visit counter");

    RedisTrouble(FrontendConfig config) {
        this.timeout = config.redisTimeout();
    }

    /** The call's result, or {@code fallback} when Redis fails or is slower than the configured timeout. */
    public <T> Uni<T> tolerate(Uni<T> call, T fallback) {
        return call.ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(failure -> {
                    warning.log(failure);
                    return fallback;
                });
    }
}
