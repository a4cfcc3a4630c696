package io.monsterstack.frontend.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.util.concurrent.EventExecutor;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: every event loop runs a task within a second. Connections are spread over the loops, so
 * with one loop stuck every other request would time out while the rest answered, and a healthcheck
 * that needs consecutive failures would never see the replica as unhealthy.
 */
@Liveness
@ApplicationScoped
public class EventLoopHealthCheck implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final Vertx vertx;

    EventLoopHealthCheck(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Void>> loops = new ArrayList<>();
        for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
            loops.add(Uni.createFrom().emitter(ran -> loop.execute(() -> ran.complete(null))));
        }
        return Checks.probe("event-loops", Uni.join().all(loops).andFailFast().replaceWithVoid(), TIMEOUT);
    }
}
