package io.monsterstack.service.health;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;

import io.monsterstack.service.metrics.OwnRequests;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Application;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends this replica's own hot requests to itself, through its real HTTP server, as soon as it
 * listens, and reports it healthy only afterwards. A JVM starting under a fraction of a CPU runs its
 * first thousand requests in the interpreter, tens of times slower: without this, the first visitors
 * a rolling update sends to a new replica wait seconds, and their calls time out (docs/zero-downtime.md).
 * Swarm puts a task in DNS only once its healthcheck passes, so no visitor reaches a cold replica.
 */
@Singleton
public class SelfWarmUp implements OwnRequests {

    private final String token = UUID.randomUUID().toString();
    private final WarmUpConfig config;
    private final Vertx vertx;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    SelfWarmUp(WarmUpConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
        if (config.requests() == 0) {
            ended.complete(null);
        }
    }

    void start(@ObservesAsync HttpServerStart server) {
        if (done()) {
            return;
        }
        // Quarkus says this server listens before it knows whether the management interface got its
        // port: the warm-up waits until the whole start has succeeded, so that a start that fails
        // sends no request into the stop that follows it, and its failure is the only thing reported.
        beginOnceStarted(Application.currentApplication());
    }

    // A one-shot timer armed again, not a periodic one cancelled from its handler: Vert.x 4 throws
    // there when the timer fires before setPeriodic has returned (a thread paused by a CPU quota),
    // and the warm-up would never begin.
    private void beginOnceStarted(Application application) {
        vertx.setTimer(10, timer -> {
            if (application.isStarted()) {
                begin();
            } else {
                beginOnceStarted(application);
            }
        });
    }

    private void begin() {
        try {
            warmUp(boundPort());
        } catch (RuntimeException e) {
            // A warm-up that cannot run must not keep a replica that can serve out of every pool.
            ended.complete(null);
            Log.warnf(e, "Warm-up skipped: %s", e.getMessage());
        }
    }

    // Once its server listens, Quarkus sets quarkus.http.port to the port it bound: the free one it got for 0.
    private static int boundPort() {
        return ConfigProvider.getConfig().getValue("quarkus.http.port", Integer.class);
    }

    private void warmUp(int port) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(port)
                .setMaxPoolSize(config.concurrency()));
        long startedAt = System.nanoTime();
        long deadline = startedAt + config.maxDuration().toNanos();
        AtomicInteger lanes = new AtomicInteger(config.concurrency());
        Runnable finish = () -> {
            client.close();
            ended.complete(null);
            Log.infof("Warmed up with %d requests to itself on port %d in %d ms (%d failed or answered 4xx/5xx)",
                    answered.get() + failed.get(), port, (System.nanoTime() - startedAt) / 1_000_000, failed.get());
        };
        for (int lane = 0; lane < config.concurrency(); lane++) {
            next(client, deadline, lanes, finish);
        }
    }

    // One lane: a request, then the next once it is answered. A lane ends with the requests, at the
    // deadline, or when its request gets no answer at all (the server is stopping: nothing to warm).
    private void next(HttpClient client, long deadline, AtomicInteger lanes, Runnable finish) {
        int n = started.getAndIncrement();
        if (n >= config.requests() || System.nanoTime() - deadline > 0) {
            endLane(lanes, finish);
            return;
        }
        // "path", or "POST path form-body": a form post, as the page's own form sends it.
        String[] entry = config.paths().get(n % config.paths().size()).replace("{n}", Integer.toString(n)).split(" ", 3);
        boolean post = entry.length == 3 && entry[0].equals("POST");
        client.request(post ? HttpMethod.POST : HttpMethod.GET, post ? entry[1] : entry[0])
                .compose(request -> post
                        ? request.putHeader(HEADER, token)
                                .putHeader("Content-Type", "application/x-www-form-urlencoded").send(entry[2])
                        : request.putHeader(HEADER, token).send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> {
                    if (result.failed()) {
                        failed.incrementAndGet();
                        endLane(lanes, finish);
                        return;
                    }
                    (result.result() < 400 ? answered : failed).incrementAndGet();
                    next(client, deadline, lanes, finish);
                });
    }

    private static void endLane(AtomicInteger lanes, Runnable finish) {
        if (lanes.decrementAndGet() == 0) {
            finish.run();
        }
    }

    /** True once the warm-up ended (all requests answered, or its deadline passed), or when it is off. */
    public boolean done() {
        return ended.isDone();
    }

    /** Completes when the warm-up ends (at once when it is off). */
    public CompletionStage<Void> ended() {
        return ended.minimalCompletionStage();
    }

    @Override
    public boolean isOwnRequest(String headerValue) {
        return headerValue != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), headerValue.getBytes(StandardCharsets.UTF_8));
    }

    /** Requests answered with a success so far (below 400: a wrong path warms nothing), for the health data. */
    public int answered() {
        return answered.get();
    }

    /** Requests that failed or answered 4xx/5xx so far, for the health data. */
    public int failed() {
        return failed.get();
    }
}
