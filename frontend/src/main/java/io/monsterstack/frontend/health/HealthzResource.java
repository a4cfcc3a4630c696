package io.monsterstack.frontend.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.monsterstack.service.health.ReplicaHealth;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /healthz}, the Swarm healthcheck: 200 whenever this replica can serve pages, 503 while it
 * warms itself up (so Swarm sends it no visitor before) and when one of its event loops has run
 * nothing for {@code EVENT_LOOP_STALL_LIMIT}. Redis and the image backend are reported as data only,
 * so their outage never gets healthy replicas restarted; their probes are bounded (at most 1 s, in
 * parallel), so neither makes this answer slow. {@code ?wait=N} holds the answer up to N seconds
 * while the warm-up runs (the stack's healthcheck asks, {@link ReplicaHealth#within}).
 */
@Path("/healthz")
public class HealthzResource {

    private final RedisHealthCheck redis;
    private final ImageBackendHealthCheck imagebackend;
    private final ReplicaHealth replica;

    HealthzResource(@Readiness RedisHealthCheck redis, @Readiness ImageBackendHealthCheck imagebackend,
            ReplicaHealth replica) {
        this.redis = redis;
        this.imagebackend = imagebackend;
        this.replica = replica;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Healthz>> healthz(@RestQuery String wait) {
        return replica.within(wait).flatMap(self -> Uni.combine().all().unis(redis.call(), imagebackend.call())
                .with((redisState, backendState) -> {
                    Healthz body = new Healthz(self.serving() ? "UP" : "DOWN", self.warmedUp(), self.eventLoops(),
                            self.oldestHeartbeatAgeMs(), state(redisState), state(backendState));
                    return self.serving() ? RestResponse.ok(body)
                            : RestResponse.status(RestResponse.Status.SERVICE_UNAVAILABLE, body);
                }));
    }

    /**
     * The body: this replica's own status, whether its warm-up is over, its event loops' status and
     * the age of their oldest heartbeat, then each dependency's status.
     */
    public record Healthz(String status, boolean warmedUp, String eventLoops, long oldestHeartbeatAgeMs,
            String redis, String imagebackend) {
    }

    private static String state(HealthCheckResponse response) {
        return response.getStatus().name();
    }
}
