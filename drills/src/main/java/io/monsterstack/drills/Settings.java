package io.monsterstack.drills;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The names a drill shares with the scripts, from the same environment variables and with the same
 * defaults (scripts/lib/common.sh), and the load it runs.
 */
record Settings(Path repo, String stackName, URI url, URI prometheus, int loadRate, Duration lead) {

    /** {@code defaultStack}: the stack name when STACK_NAME is not set. */
    static Settings fromEnvironment(String defaultStack, Duration defaultLead) {
        String edgePort = get("EDGE_PORT", "5000");
        String prometheusPort = get("PROMETHEUS_PORT", "9090");
        String lead = get("MEASURE_LEAD_SECONDS", Long.toString(defaultLead.toSeconds()));
        return new Settings(Path.of(get("MONSTERSTACK_REPO_DIR", ".")).toAbsolutePath().normalize(),
                get("STACK_NAME", defaultStack),
                URI.create(get("STACK_URL", "http://127.0.0.1:" + edgePort)),
                URI.create(get("PROMETHEUS_URL", "http://127.0.0.1:" + prometheusPort)),
                Integer.parseInt(get("LOAD_RATE", "200")), Duration.ofSeconds(Long.parseLong(lead)));
    }

    static String get(String variable, String otherwise) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
