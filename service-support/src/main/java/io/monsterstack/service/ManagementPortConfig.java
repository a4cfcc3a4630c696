package io.monsterstack.service;

import static io.monsterstack.service.RangeMessage.RANGE;

import io.smallrye.config.ConfigMapping;
import org.hibernate.validator.constraints.Range;

/**
 * {@code monsterstack.management.port}: where a replica serves /q/metrics and /q/health, read by
 * Quarkus (each service's application.properties feeds quarkus.management.port from it) once
 * checked here. Its default is in each service's application.properties, since the two differ:
 * both services then run side by side on one host without setting it.
 */
@ConfigMapping(prefix = "monsterstack.management")
public interface ManagementPortConfig {

    /** The management interface's port (MANAGEMENT_PORT). */
    @Range(min = 1, max = 65535, message = "(MANAGEMENT_PORT)" + RANGE)
    int port();
}
