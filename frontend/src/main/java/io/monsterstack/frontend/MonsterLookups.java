package io.monsterstack.frontend;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.monsterstack.service.metrics.ServiceMetrics;

/** monsterstack_monster_lookups_total{layer}: which layer each monster served with a PNG came from. */
@Singleton
class MonsterLookups {

    private static final String NAME = "monsterstack.monster.lookups";
    private static final String DESCRIPTION = "Monsters served, by the layer they came from: memory, redis or backend";

    private final Counter memory;
    private final Counter redis;
    private final Counter backend;

    MonsterLookups(PrometheusMeterRegistry registry) {
        this.memory = ServiceMetrics.counter(registry, NAME, DESCRIPTION, "layer", "memory");
        this.redis = ServiceMetrics.counter(registry, NAME, DESCRIPTION, "layer", "redis");
        this.backend = ServiceMetrics.counter(registry, NAME, DESCRIPTION, "layer", "backend");
    }

    /** In this replica's memory, loaded by an earlier request or by one still in flight. */
    void memory() {
        memory.increment();
    }

    /** In Redis, put there by any replica. */
    void redis() {
        redis.increment();
    }

    /** Drawn by the image backend for this request. */
    void backend() {
        backend.increment();
    }
}
