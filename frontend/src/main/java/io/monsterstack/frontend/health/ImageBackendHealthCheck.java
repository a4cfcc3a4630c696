package io.monsterstack.frontend.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.monsterstack.frontend.client.ImageBackendClient;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the image backend: it renders a monster (answering HTTP is not enough). */
@Readiness
@ApplicationScoped
public class ImageBackendHealthCheck implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final ImageBackendClient backend;

    ImageBackendHealthCheck(ImageBackendClient backend) {
        this.backend = backend;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Checks.probe("imagebackend", backend.ping(), TIMEOUT);
    }
}
