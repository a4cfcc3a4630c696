package io.monsterstack.imagebackend;

import io.monsterstack.service.ManagementPortConfig;
import io.monsterstack.service.health.ReplicaHealth;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /}, the API on one screen, and {@code GET /healthz}, the stack's healthcheck: 503 while the
 * replica warms itself up (Swarm sends it nobody before), when the renderer fails, or when one of its
 * event loops has run nothing for {@code EVENT_LOOP_STALL_LIMIT} (the requests it holds would hang);
 * {@code ?wait=N} holds it up to N seconds while the warm-up runs ({@link ReplicaHealth#within}).
 */
@Path("/")
@NonBlocking
public class IndexResource {

    private final MonsterConfig config;
    private final ManagementPortConfig management;
    private final RendererHealthCheck renderer;
    private final ReplicaHealth replica;

    IndexResource(MonsterConfig config, ManagementPortConfig management, @Liveness RendererHealthCheck renderer,
            ReplicaHealth replica) {
        this.config = config;
        this.management = management;
        this.renderer = renderer;
        this.replica = replica;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String index() {
        return """
                MonsterStack image backend: a pixel-art monster for every name.

                GET /monster/{name}[?size=N | ?width=W&height=H]
                    image/png, a square N pixels wide (default %d; width/height override size,
                    the larger wins; at least 12, at most %d); names up to %d characters.
                    Same name, same picture, on every replica. ETag and If-None-Match supported.
                GET /healthz[?wait=N] status as JSON (503 while warming up, or with the renderer
                                      failing or an event loop stalled); wait: up to N seconds
                                      (at most 3) for the warm-up to end
                On the management port (%d): /q/health/live, /q/health/ready (MicroProfile
                Health) and /q/metrics (Prometheus).
                """.formatted(MonsterImageResource.DEFAULT_SIZE, config.maxSize(), config.maxNameLength(), management.port());
    }

    @GET
    @Path("healthz")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> healthz(@RestQuery String wait) {
        return replica.within(wait).map(self -> {
            HealthCheckResponse check = renderer.call();
            boolean up = check.getStatus() == HealthCheckResponse.Status.UP && self.serving();
            Map<String, Object> body = Map.of("status", up ? "UP" : "DOWN", "warmedUp", self.warmedUp(),
                    "eventLoops", self.eventLoops(), "oldestHeartbeatAgeMs", self.oldestHeartbeatAgeMs(),
                    "artVersion", MonsterRenderer.ART_VERSION);
            return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(body).build();
        });
    }
}
