package io.monsterstack.service.metrics;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code monsterstack.metrics.*}: the labels every service's series carry. */
@ConfigMapping(prefix = "monsterstack.metrics")
public interface MetricsConfig {

    /** The {@code service} label of every series: the module's name, frontend or imagebackend. */
    @WithDefault("${quarkus.application.name}")
    String service();

    /** The {@code version} label of monsterstack_build_info: MONSTERSTACK_VERSION (an image's tag), else the Maven version. */
    @WithDefault("${monsterstack.version:${quarkus.application.version}}")
    String version();

    /**
     * The service's route templates, the only {@code uri} values of http_server_requests besides
     * UNKNOWN; {@code {name}} stands for one path segment, the first match wins (the hottest first).
     */
    List<String> uris();
}
