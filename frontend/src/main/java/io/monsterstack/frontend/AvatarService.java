package io.monsterstack.frontend;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.monsterstack.frontend.client.ImageBackendClient;
import io.monsterstack.frontend.config.FrontendConfig;

/** Monster PNGs through three layers: in-process cache, Redis, then the image backend. */
@ApplicationScoped
public class AvatarService {

    private final ImageBackendClient backend;
    private final ReactiveValueCommands<String, byte[]> pngs;
    private final RedisTrouble redis;
    private final MonsterLookups lookups;
    private final int size;
    private final SetArgs expiry;
    // An async cache holds the in-flight future too, so concurrent misses of one name share a
    // single load (single-flight); a failed future is dropped, so errors are never cached.
    private final AsyncCache<String, Monster> local;

    AvatarService(ImageBackendClient backend, ReactiveRedisDataSource redisDataSource, RedisTrouble redis,
            MonsterLookups lookups, FrontendConfig config) {
        this.backend = backend;
        this.pngs = redisDataSource.value(byte[].class);
        this.redis = redis;
        this.lookups = lookups;
        this.size = config.monsterSize();
        this.expiry = new SetArgs().ex(config.redisTtl());
        this.local = Caffeine.newBuilder()
                .maximumWeight(config.cacheMaxBytes())
                .weigher((String name, Monster monster) -> name.length() + monster.weight())
                .executor(Runnable::run)
                .buildAsync();
    }

    /** The monster if it is already in memory, without any I/O; null otherwise. */
    public Monster cached(String name) {
        CompletableFuture<Monster> future = local.getIfPresent(name);
        return future != null && future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    /** The monster for a name, loaded once however many requests ask for it at the same time. */
    public CompletableFuture<Monster> monster(String name) {
        boolean[] loads = {false};
        CompletableFuture<Monster> monster = local.get(name, (key, executor) -> {
            loads[0] = true;
            return load(key).subscribeAsCompletionStage();
        });
        if (!loads[0]) {
            // Another request's load, over or in flight: what it brings, this request has from memory.
            monster.thenRun(lookups::memory);
        }
        return monster;
    }

    private Uni<Monster> load(String name) {
        // The size is part of the key: changing MONSTER_SIZE must not serve images of the old size.
        String key = "monster:" + size + ":" + name;
        return redis.tolerate(pngs.get(key), null)
                .onItem().ifNotNull().invoke(lookups::redis)
                .onItem().ifNull().switchTo(() -> backend.monster(name, size)
                        .invoke(lookups::backend)
                        .call(png -> redis.tolerate(pngs.set(key, png, expiry), null)))
                .map(Monster::of);
    }
}
