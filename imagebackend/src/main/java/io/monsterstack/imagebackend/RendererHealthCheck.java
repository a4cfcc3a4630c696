package io.monsterstack.imagebackend;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Draws a small monster: the renderer is the only part of this service that can break. */
@Liveness
@Readiness
@ApplicationScoped
public class RendererHealthCheck implements HealthCheck {

    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G'};

    @Override
    public HealthCheckResponse call() {
        try {
            byte[] png = MonsterRenderer.render(MonsterRenderer.seed("health"), MonsterRenderer.MIN_SIDE);
            boolean looksLikePng = png.length > PNG_START.length
                    && Arrays.equals(png, 0, PNG_START.length, PNG_START, 0, PNG_START.length);
            return HealthCheckResponse.named("renderer").status(looksLikePng)
                    .withData("artVersion", MonsterRenderer.ART_VERSION).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("renderer").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
