package io.monsterstack.drills.clients;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * An open-loop load: {@code rate} requests a second, each with a due time (a stalled site shows as
 * latency, not as fewer requests), cycling through page GET, form POST, a cached monster and a
 * never-seen monster (which reaches the image backend), every other group of four on a new
 * connection ("Connection: close"), the rest on kept-alive connections, round robin over the base
 * URLs. No request is retried. Every second it hands the second just ended to a listener (the live line).
 */
public final class Load {

    private static final String[] KINDS = {"page", "post", "cached", "new"};
    private static final int MAX_IN_FLIGHT = 512;
    private static final int SENDERS = 64;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    // Far below the edge's keep-alive timeout (2 s): the edge counts it from when it wrote its answer,
    // which on a busy machine reaches this client later, and a request sent as it closes the
    // connection gets no answer (browsers resend it; this client counts it failed).
    private static final Duration MAX_IDLE = Duration.ofMillis(250);

    /** One request: when it ended and how long after its due time, its status (0: none) and the version that answered. */
    public record Result(long doneNanos, long latencyNanos, int status, boolean newConnection, String version) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final int rate;
    private final List<URI> bases;
    private final Consumer<LoadSecond> live;
    private final Map<URI, ConcurrentLinkedDeque<HttpConnection>> idle;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Result> reported = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private ScheduledExecutorService ticker;
    private ExecutorService senders;
    private long start;

    public Load(int rate, List<URI> bases, Consumer<LoadSecond> live) {
        this.rate = rate;
        this.bases = List.copyOf(bases);
        this.live = live;
        idle = this.bases.stream().distinct().collect(Collectors.toMap(base -> base, base -> new ConcurrentLinkedDeque<>()));
    }

    public void start() {
        if (rate == 0) {
            return;
        }
        ticker = Executors.newScheduledThreadPool(1, daemons("load"));
        senders = Executors.newFixedThreadPool(SENDERS, daemons("load-sender"));
        start = System.nanoTime();
        ticker.scheduleAtFixedRate(this::send, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        ticker.scheduleAtFixedRate(this::second, 1, 1, TimeUnit.SECONDS);
    }

    /** Stops sending, gives the requests in flight their timeout to finish, and sums up. */
    public LoadFigures stop() throws InterruptedException {
        if (ticker == null) {
            return LoadFigures.of(List.of(), List.of());
        }
        ticker.shutdownNow();
        ticker.awaitTermination(2, TimeUnit.SECONDS);
        senders.shutdown();
        senders.awaitTermination(ANSWER_TIMEOUT.plus(CONNECT_TIMEOUT).toSeconds() + 1, TimeUnit.SECONDS);
        idle.values().forEach(connections -> connections.forEach(HttpConnection::close));
        synchronized (reported) {
            for (Result result; (result = results.poll()) != null; ) {
                reported.add(result);
            }
            List<String> first = failures.stream().limit(10).toList();
            first.forEach(failure -> System.out.println("    load: failed: " + failure));
            return LoadFigures.of(reported, first);
        }
    }

    private void send() {
        int n = sent.getAndIncrement();
        long due = start + n * (1_000_000_000L / rate);
        boolean newConnection = (n / KINDS.length) % 2 == 1;
        URI base = bases.get(n % bases.size());
        String target = target(KINDS[n % KINDS.length], n);
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            results.add(new Result(System.nanoTime(), System.nanoTime() - due, 0, newConnection, "-"));
            failures.add(target + " on " + base + ": not sent, " + MAX_IN_FLIGHT + " in flight");
            return;
        }
        senders.execute(() -> {
            try {
                exchange(base, target, request(base, target, n, newConnection), newConnection, due);
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private void exchange(URI base, String target, byte[] request, boolean newConnection, long due) {
        HttpConnection connection = null;
        int status = 0;
        String version = "-";
        try {
            connection = newConnection ? null : keptAlive(base);
            if (connection == null) {
                connection = new HttpConnection(base, CONNECT_TIMEOUT, ANSWER_TIMEOUT);
            }
            HttpConnection.Answer answer = connection.exchange(request);
            status = answer.status();
            version = answer.version();
            if (answer.reusable() && !newConnection) {
                idle.get(base).push(connection);
                connection = null;
            }
        } catch (IOException | RuntimeException e) {
            failures.add(target + " on " + base + ": " + e);
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        long now = System.nanoTime();
        Result result = new Result(now, now - due, status, newConnection, version);
        results.add(result);
        if (status != 0 && !result.ok()) {
            failures.add(target + " on " + base + ": status " + status);
        }
    }

    /** The most recently used idle connection to {@code base}; those idle too long are closed. */
    private HttpConnection keptAlive(URI base) {
        for (HttpConnection connection; (connection = idle.get(base).poll()) != null; ) {
            if (connection.idle().compareTo(MAX_IDLE) < 0) {
                return connection;
            }
            connection.close();
        }
        return null;
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

    private String target(String kind, int n) {
        return switch (kind) {
            case "post" -> "POST /";
            case "cached" -> "GET /monster/load-cached";
            case "new" -> "GET /monster/load-" + run + "-" + n;
            default -> "GET /";
        };
    }

    private static byte[] request(URI base, String target, int n, boolean newConnection) {
        StringBuilder request = new StringBuilder(256).append(target).append(" HTTP/1.1\r\nHost: ")
                .append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        if (newConnection) {
            request.append("Connection: close\r\n");
        }
        if (target.startsWith("POST")) {
            String body = "name=load-" + n % 100;
            request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length())
                    .append("\r\n\r\n").append(body);
        } else {
            request.append("\r\n");
        }
        return request.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ThreadFactory daemons(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
