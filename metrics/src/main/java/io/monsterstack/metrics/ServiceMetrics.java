package io.monsterstack.metrics;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * What the series of both services share: the {@code service} label, monsterstack_build_info,
 * http_server_requests with route templates as {@code uri} and a small fixed set of buckets, and
 * no other series than the contract's (docs/monitoring.md).
 */
@Singleton
public class ServiceMetrics {

    /** Latency buckets of the request and backend call histograms: few and fixed, enough for histogram_quantile. */
    public static final Duration[] LATENCY_BUCKETS = millis(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000);

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    // Quarkus names "/" root, and a 404 or 3xx whose path no template or match pattern renamed NOT_FOUND
    // or REDIRECTION; the match patterns of application.properties already turned every other path into
    // a template or UNKNOWN, so these are the only values left to rename.
    private static final Set<String> UNKNOWN_PATHS = Set.of("NOT_FOUND", "REDIRECTION");

    /**
     * Only the contract's series, http_server_requests and ours: the Vert.x binder, which the HTTP
     * server binder needs, would add worker pool, connection and byte meters, recorded on every
     * task, connection and write, and SmallRye Fault Tolerance its own; denied, they are no-ops.
     */
    @Produces
    @Singleton
    MeterFilter contractSeriesOnly() {
        return MeterFilter.denyUnless(id -> id.getName().equals(HTTP_SERVER_REQUESTS) || id.getName().startsWith("monsterstack."));
    }

    @Produces
    @Singleton
    MeterFilter serviceLabel(MetricsConfig config) {
        return MeterFilter.commonTags(Set.of(Tag.of("service", config.service())));
    }

    @Produces
    @Singleton
    MeterFilter httpServerRequests() {
        double[] buckets = nanos(LATENCY_BUCKETS);
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (!id.getName().equals(HTTP_SERVER_REQUESTS) || uri == null) {
                    return id;
                }
                if (uri.equals("root")) {
                    return id.withTag(Tag.of("uri", "/"));
                }
                return UNKNOWN_PATHS.contains(uri) ? id.withTag(Tag.of("uri", "UNKNOWN")) : id;
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(buckets).build().merge(config);
            }
        };
    }

    @Produces
    @Singleton
    MeterBinder buildInfo(MetricsConfig config) {
        return registry -> Gauge.builder("monsterstack.build.info", () -> 1)
                .description("Always 1; the version label is the running build")
                .tag("version", config.version())
                .strongReference(true)
                .register(registry);
    }

    private static Duration[] millis(long... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofMillis(values[i]);
        }
        return durations;
    }

    private static double[] nanos(Duration[] durations) {
        double[] nanos = new double[durations.length];
        for (int i = 0; i < durations.length; i++) {
            nanos[i] = durations[i].toNanos();
        }
        return nanos;
    }
}
