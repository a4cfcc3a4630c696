package io.monsterstack.frontend.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /healthz}, the Swarm healthcheck: 200 whenever this replica can serve pages. Redis and the
 * image backend are reported as data only, so their outage never gets healthy replicas restarted.
 */
@Path("/healthz")
public class HealthzResource {

    private final RedisHealthCheck redis;
    private final ImageBackendHealthCheck imagebackend;

    HealthzResource(@Readiness RedisHealthCheck redis, @Readiness ImageBackendHealthCheck imagebackend) {
        this.redis = redis;
        this.imagebackend = imagebackend;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Healthz> healthz() {
        return Uni.combine().all().unis(redis.call(), imagebackend.call())
                .with((redisState, backendState) -> new Healthz("UP", state(redisState), state(backendState)));
    }

    /** The body: this replica's own status, then each dependency's. */
    public record Healthz(String status, String redis, String imagebackend) {
    }

    private static String state(HealthCheckResponse response) {
        return response.getStatus().name();
    }
}
