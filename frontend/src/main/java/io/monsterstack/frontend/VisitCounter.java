package io.monsterstack.frontend;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The visit counter shared by all replicas, kept in Redis. Visits arriving while an increment is
 * on its way are counted together by the next INCRBY, each still getting its own number: under
 * load one round trip serves many pages instead of one.
 */
@ApplicationScoped
public class VisitCounter {

    static final String KEY = "monsterstack:visits";

    private final ReactiveValueCommands<String, Long> counters;
    private final RedisTrouble redis;
    private final Counter visits;
    // Guarded by this: the visits waiting for the next INCRBY, and whether one is on its way.
    private List<Visit> waiting = new ArrayList<>();
    private boolean counting;

    VisitCounter(ReactiveRedisDataSource redisDataSource, RedisTrouble redis, PrometheusMeterRegistry registry) {
        this.counters = redisDataSource.value(Long.class);
        this.redis = redis;
        this.visits = Counter.builder("monsterstack.visits")
                .description("Visits (page views) this replica counted, whether Redis could store them or not")
                .register(registry);
    }

    /** Counts one visit; its number, or null when Redis cannot be reached. */
    public Uni<Long> increment() {
        return Uni.createFrom().emitter(emitter -> {
            visits.increment();
            boolean start;
            synchronized (this) {
                waiting.add(new Visit(emitter, Vertx.currentContext()));
                start = !counting;
                counting = true;
            }
            if (start) {
                countWaiting();
            }
        });
    }

    /** The count so far, without counting a visit (the replica's own warm-up); null when Redis cannot be reached. */
    public Uni<Long> current() {
        return redis.tolerate(counters.get(KEY), null);
    }

    private void countWaiting() {
        List<Visit> batch;
        synchronized (this) {
            if (waiting.isEmpty()) {
                counting = false;
                return;
            }
            batch = waiting;
            waiting = new ArrayList<>();
        }
        redis.tolerate(counters.incrby(KEY, batch.size()), null).subscribe().with(total -> {
            long first = total == null ? 0 : total - batch.size() + 1;
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).complete(total == null ? null : first + i);
            }
            countWaiting();
        });
    }

    private record Visit(UniEmitter<? super Long> emitter, Context context) {

        // Answer on the event loop that owns the request, not on the one Redis answered on.
        void complete(Long number) {
            if (context == null) {
                emitter.complete(number);
            } else {
                context.runOnContext(ignored -> emitter.complete(number));
            }
        }
    }
}
