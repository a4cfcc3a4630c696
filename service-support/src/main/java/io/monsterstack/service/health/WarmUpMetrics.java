package io.monsterstack.service.health;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** monsterstack_warmup_done (0 or 1) and monsterstack_warmup_requests_total{result}, read from {@link SelfWarmUp} at each scrape. */
@Singleton
public class WarmUpMetrics implements MeterBinder {

    private final SelfWarmUp warmUp;

    WarmUpMetrics(SelfWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("monsterstack.warmup.done", warmUp, warm -> warm.done() ? 1 : 0)
                .description("1 once this replica's self warm-up is over (or off), 0 while it runs")
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder("monsterstack.warmup.requests", warmUp, SelfWarmUp::answered)
                .description("Requests this replica sent itself to warm up, by result")
                .tag("result", "answered")
                .register(registry);
        FunctionCounter.builder("monsterstack.warmup.requests", warmUp, SelfWarmUp::failed)
                .tag("result", "failed")
                .register(registry);
    }
}
