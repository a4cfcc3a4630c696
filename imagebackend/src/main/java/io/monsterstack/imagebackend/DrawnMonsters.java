package io.monsterstack.imagebackend;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** monsterstack_monsters_drawn_total{size} (by bucket of the side drawn) and monsterstack_render_seconds. */
@Singleton
public class DrawnMonsters {

    /** Upper bounds (pixels, included) of the size buckets, named le<bound>; larger sides are gt1024. */
    private static final int[] SIDE_BOUNDS = {32, 128, 512, 1024};

    // A render takes microseconds at the frontends' 100 px and about a millisecond at 1024 px.
    private static final Duration[] RENDER_BUCKETS = {Duration.ofNanos(25_000), Duration.ofNanos(50_000),
            Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1),
            Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10)};

    private final Counter[] drawn = new Counter[SIDE_BOUNDS.length + 1];
    private final Timer render;

    DrawnMonsters(PrometheusMeterRegistry registry) {
        for (int i = 0; i < drawn.length; i++) {
            String size = i < SIDE_BOUNDS.length ? "le" + SIDE_BOUNDS[i] : "gt" + SIDE_BOUNDS[SIDE_BOUNDS.length - 1];
            drawn[i] = Counter.builder("monsterstack.monsters.drawn")
                    .description("Monsters rendered (not 304s), by bucket of their side in pixels")
                    .tag("size", size)
                    .register(registry);
        }
        this.render = Timer.builder("monsterstack.render")
                .description("Time to render and PNG-encode one monster")
                .serviceLevelObjectives(RENDER_BUCKETS)
                .register(registry);
    }

    /** A monster of {@code side} pixels rendered in {@code nanos}. */
    void record(int side, long nanos) {
        int bucket = 0;
        while (bucket < SIDE_BOUNDS.length && side > SIDE_BOUNDS[bucket]) {
            bucket++;
        }
        drawn[bucket].increment();
        render.record(nanos, TimeUnit.NANOSECONDS);
    }
}
