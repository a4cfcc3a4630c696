package io.monsterstack.service.health;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.health.api.HealthGroup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while the replica warms itself up ({@link SelfWarmUp}), UP from then on. */
@Readiness
@HealthGroup("edge")
@ApplicationScoped
public class WarmUpHealthCheck implements HealthCheck {

    private final SelfWarmUp warmUp;

    WarmUpHealthCheck(SelfWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(warmUp.done())
                .withData("answered", warmUp.answered())
                .withData("failed", warmUp.failed())
                .build();
    }
}
