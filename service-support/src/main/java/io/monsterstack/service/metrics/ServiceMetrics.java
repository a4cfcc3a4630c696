package io.monsterstack.service.metrics;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * What the series of both services share: the {@code service} label, monsterstack_build_info, the
 * latency buckets, and no other series than the contract's (docs/monitoring.md).
 */
@Singleton
public class ServiceMetrics {

    /** Latency buckets of the request and backend call histograms: few and fixed, enough for histogram_quantile. */
    public static final Duration[] LATENCY_BUCKETS = millis(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000);

    /** Only the contract's series: SmallRye Fault Tolerance adds its own (ft_*), denied, so no-ops. */
    @Produces
    @Singleton
    MeterFilter contractSeriesOnly() {
        return MeterFilter.denyUnless(id -> id.getName().equals("http.server.requests") || id.getName().startsWith("monsterstack."));
    }

    @Produces
    @Singleton
    MeterFilter serviceLabel(MetricsConfig config) {
        return MeterFilter.commonTags(Set.of(Tag.of("service", config.service())));
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

    /** One series of a counter with one label, such as monsterstack_monster_lookups_total{layer="memory"}. */
    public static Counter counter(MeterRegistry registry, String name, String description, String label, String value) {
        return Counter.builder(name).description(description).tag(label, value).register(registry);
    }

    private static Duration[] millis(long... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofMillis(values[i]);
        }
        return durations;
    }
}
