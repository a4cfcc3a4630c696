package io.monsterstack.imagebackend;

import io.monsterstack.warmup.SelfWarmUp;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code GET /}, the API on one screen, and {@code GET /healthz}, the stack's healthcheck: 503 while the
 * replica warms itself up (Swarm sends it nobody before) or when the renderer fails.
 */
@Path("/")
@NonBlocking
public class IndexResource {

    private final MonsterConfig config;
    private final RendererHealthCheck renderer;
    private final SelfWarmUp warmUp;

    IndexResource(MonsterConfig config, @Liveness RendererHealthCheck renderer, SelfWarmUp warmUp) {
        this.config = config;
        this.renderer = renderer;
        this.warmUp = warmUp;
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
                GET /healthz          renderer status as JSON (503 while warming up)
                On the management port (9000): /q/health/live, /q/health/ready (MicroProfile
                Health) and /q/metrics (Prometheus).
                """.formatted(MonsterImageResource.DEFAULT_SIZE, config.maxSize(), config.maxNameLength());
    }

    @GET
    @Path("healthz")
    @Produces(MediaType.APPLICATION_JSON)
    public Response healthz() {
        HealthCheckResponse check = renderer.call();
        boolean warmedUp = warmUp.done();
        boolean up = check.getStatus() == HealthCheckResponse.Status.UP && warmedUp;
        Map<String, Object> body = Map.of("status", up ? "UP" : "DOWN", "warmedUp", warmedUp,
                "artVersion", MonsterRenderer.ART_VERSION);
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(body).build();
    }
}
