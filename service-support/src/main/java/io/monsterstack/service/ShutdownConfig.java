package io.monsterstack.service;

import static io.monsterstack.service.RangeMessage.RANGE;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code monsterstack.shutdown.*}: what a replica does on SIGTERM, read by Quarkus (each service's
 * application.properties feeds quarkus.shutdown.* from it) once checked here.
 */
@ConfigMapping(prefix = "monsterstack.shutdown")
public interface ShutdownConfig {

    /** Readiness and the edge check are down for this long while requests are still served. */
    @WithDefault("${SHUTDOWN_DELAY:5s}")
    @DurationRange(min = "0s", max = "30s", message = "(SHUTDOWN_DELAY)" + RANGE)
    Duration delay();

    /** In-flight requests then get this long to finish. */
    @WithDefault("${SHUTDOWN_TIMEOUT:10s}")
    @DurationRange(min = "0s", max = "60s", message = "(SHUTDOWN_TIMEOUT)" + RANGE)
    Duration timeout();
}
