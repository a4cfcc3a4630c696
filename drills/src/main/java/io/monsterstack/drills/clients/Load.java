package io.monsterstack.drills.clients;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An open-loop load: {@code rate} requests a second, each with a due time (a stalled site shows as
 * latency, not as fewer requests), cycling through page GET, form POST, a cached monster and a
 * never-seen monster (which reaches the image backend), every other group of four on a new
 * connection ("Connection: close"), the rest on keep-alive connections, round robin over the base
 * URLs. Every second it hands the second just ended to a listener (the live line).
 */
public final class Load {

    private static final String[] KINDS = {"page", "post", "cached", "new"};
    private static final int MAX_IN_FLIGHT = 512;

    /** One request: when it ended and how long after its due time, its status (0: none) and the version that answered. */
    public record Result(long doneNanos, long latencyNanos, int status, boolean newConnection, String version) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static {
        // Lets a request carry "Connection: close", so that the server closes it after the answer.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "connection");
    }

    private final int rate;
    private final List<URI> bases;
    private final Consumer<LoadSecond> live;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Result> reported = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private ScheduledExecutorService ticker;
    private long start;

    public Load(int rate, List<URI> bases, Consumer<LoadSecond> live) {
        this.rate = rate;
        this.bases = List.copyOf(bases);
        this.live = live;
    }

    public void start() {
        if (rate == 0) {
            return;
        }
        ticker = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "load");
            thread.setDaemon(true);
            return thread;
        });
        start = System.nanoTime();
        ticker.scheduleAtFixedRate(this::send, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        ticker.scheduleAtFixedRate(this::second, 1, 1, TimeUnit.SECONDS);
    }

    /** Stops sending, gives the requests in flight their timeout to finish, and sums up. */
    public LoadFigures stop() throws InterruptedException {
        if (ticker == null) {
            return LoadFigures.of(List.of());
        }
        ticker.shutdownNow();
        ticker.awaitTermination(2, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        synchronized (reported) {
            for (Result result; (result = results.poll()) != null; ) {
                reported.add(result);
            }
            failures.stream().limit(10).forEach(failure -> System.out.println("    load: failed: " + failure));
            return LoadFigures.of(reported);
        }
    }

    private void send() {
        int n = sent.getAndIncrement();
        long due = start + n * (1_000_000_000L / rate);
        boolean newConnection = (n / KINDS.length) % 2 == 1;
        HttpRequest request = request(bases.get(n % bases.size()), KINDS[n % KINDS.length], n, newConnection);
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            results.add(new Result(System.nanoTime(), System.nanoTime() - due, 0, newConnection, "-"));
            failures.add(request.method() + " " + request.uri() + ": not sent, " + MAX_IN_FLIGHT + " in flight");
            return;
        }
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            long now = System.nanoTime();
            int status = failure == null ? response.statusCode() : 0;
            String version = failure == null ? response.headers().firstValue("X-MonsterStack-Version").orElse("-") : "-";
            Result result = new Result(now, now - due, status, newConnection, version);
            results.add(result);
            if (!result.ok()) {
                failures.add(request.method() + " " + request.uri() + ": " + (failure == null ? "status " + status : failure));
            }
            inFlight.decrementAndGet();
        });
    }

    private void second() {
        List<Result> second = new ArrayList<>();
        for (Result result; (result = results.poll()) != null; ) {
            second.add(result);
        }
        synchronized (reported) {
            reported.addAll(second);
        }
        if (live != null) {
            live.accept(LoadSecond.of(second));
        }
    }

    private HttpRequest request(URI base, String kind, int n, boolean newConnection) {
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(Duration.ofSeconds(5));
        switch (kind) {
            case "post" -> builder.uri(base.resolve("/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=load-" + n % 100));
            case "cached" -> builder.uri(base.resolve("/monster/load-cached"));
            case "new" -> builder.uri(base.resolve("/monster/load-" + run + "-" + n));
            default -> builder.uri(base.resolve("/"));
        }
        if (newConnection) {
            builder.header("Connection", "close");
        }
        return builder.build();
    }
}
