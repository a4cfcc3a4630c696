package io.monsterstack.frontend.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.health.api.HealthGroup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /q/health/group/edge}, what the edge proxy checks every second: UP until SIGTERM, DOWN from
 * the start of the shutdown delay, while the replica still serves what it is sent, so that the edge
 * stops sending before the replica stops accepting. Nothing else in it: a slow Redis or backend must
 * not take every replica out of the edge's pool (they are data on {@code /healthz}).
 */
@HealthGroup("edge")
@ApplicationScoped
public class ShutdownHealthCheck implements HealthCheck {

    private volatile boolean stopping;

    void stopping(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accepting").status(!stopping).build();
    }
}
