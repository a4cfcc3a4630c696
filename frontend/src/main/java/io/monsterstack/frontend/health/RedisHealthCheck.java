package io.monsterstack.frontend.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.monsterstack.frontend.config.FrontendConfig;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of Redis: answers PING within the Redis timeout. */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements AsyncHealthCheck {

    private final ReactiveRedisDataSource redis;
    private final Duration timeout;

    RedisHealthCheck(ReactiveRedisDataSource redis, FrontendConfig config) {
        this.redis = redis;
        this.timeout = config.redisTimeout();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Checks.probe("redis", redis.execute("PING").replaceWithVoid(), timeout);
    }
}
