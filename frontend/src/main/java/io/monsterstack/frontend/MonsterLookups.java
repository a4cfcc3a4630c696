package io.monsterstack.frontend;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheus.PrometheusMeterRegistry;

/** monsterstack_monster_lookups_total{layer}: which layer each monster served with a PNG came from. */
@Singleton
class MonsterLookups {

    private final Counter memory;
    private final Counter redis;
    private final Counter backend;

    MonsterLookups(PrometheusMeterRegistry registry) {
        this.memory = layer(registry, "memory");
        this.redis = layer(registry, "redis");
        this.backend = layer(registry, "backend");
    }

    private static Counter layer(PrometheusMeterRegistry registry, String layer) {
        return Counter.builder("monsterstack.monster.lookups")
                .description("Monsters served, by the layer they came from: memory, redis or backend")
                .tag("layer", layer)
                .register(registry);
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
