package io.monsterstack.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * {@code monsterstack.shutdown.*}: what a replica does on SIGTERM, read by Quarkus (each service's
 * application.properties feeds quarkus.shutdown.* from it) once checked here.
 */
@ConfigMapping(prefix = "monsterstack.shutdown")
public interface ShutdownConfig {

    /** Readiness and the edge check are down for this long while requests are still served. */
    @WithDefault("${SHUTDOWN_DELAY:5s}")
    @DurationMin(seconds = 0, message = "(SHUTDOWN_DELAY) is ${validatedValue}; allowed: 0s to 30s")
    @DurationMax(seconds = 30, message = "(SHUTDOWN_DELAY) is ${validatedValue}; allowed: 0s to 30s")
    Duration delay();

    /** In-flight requests then get this long to finish. */
    @WithDefault("${SHUTDOWN_TIMEOUT:10s}")
    @DurationMin(seconds = 0, message = "(SHUTDOWN_TIMEOUT) is ${validatedValue}; allowed: 0s to 60s")
    @DurationMax(seconds = 60, message = "(SHUTDOWN_TIMEOUT) is ${validatedValue}; allowed: 0s to 60s")
    Duration timeout();
}
