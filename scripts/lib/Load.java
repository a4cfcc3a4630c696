import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sustained load for the drills: java Load.java RATE SECONDS URL... sends RATE requests a second
 * (open loop: a stalled site shows as latency, not as fewer requests) for SECONDS or until SIGTERM,
 * cycling through page GET, form POST, a cached monster and a never-seen monster (which reaches the
 * image backend), every other request on a new connection ("Connection: close"), the rest on
 * keep-alive connections, round robin over the base URLs. Every second it prints a live line of the
 * second that just ended, the versions that answered (their X-MonsterStack-Version) with their share:
 * live: HH:MM:SS req/s=N failed=N p99_ms=N versions=1.0:60%,2.0:40%
 * and at the end one line (see scripts/lib/traffic.sh):
 * load: requests=N failed=N p50_ms=N p99_ms=N max_ms=N gap_ms=N keepalive=N newconn=N statuses=S:N,...
 * where gap_ms is the longest time between two successes. Exits 1 when a request failed.
 */
public class Load {

    private static final String[] KINDS = {"page", "post", "cached", "new"};
    private static final int MAX_IN_FLIGHT = 512;

    record Result(long doneNanos, long latencyNanos, int status, boolean newConnection, String version) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java Load.java RATE SECONDS URL...   ie: java Load.java 200 60 http://127.0.0.1:5000");
            System.exit(2);
        }
        // Lets a request carry "Connection: close", so that the server closes it after the answer.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "connection");
        int rate = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        List<String> bases = Arrays.asList(args).subList(2, args.length);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);

        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch(1);
        System.err.println("load: sending " + rate + " requests/s for at most " + seconds + "s to " + bases);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            long due = start + n * period;
            if (due - start >= TimeUnit.SECONDS.toNanos(seconds)) {
                done.countDown();
                return;
            }
            boolean newConnection = (n / KINDS.length) % 2 == 1;
            HttpRequest request = request(bases.get(n % bases.size()), KINDS[n % KINDS.length], run, n, newConnection);
            if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                inFlight.decrementAndGet();
                results.add(new Result(System.nanoTime(), System.nanoTime() - due, 0, newConnection, "-"));
                failures.add(request.method() + " " + request.uri() + ": not sent, " + MAX_IN_FLIGHT + " in flight");
                return;
            }
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                int status = failure == null ? response.statusCode() : 0;
                String version = failure == null
                        ? response.headers().firstValue("X-MonsterStack-Version").orElse("-") : "-";
                Result result = new Result(now, now - due, status, newConnection, version);
                results.add(result);
                if (!result.ok()) {
                    failures.add(request.method() + " " + request.uri() + ": "
                            + (failure == null ? "status " + status : failure.toString()));
                }
                inFlight.decrementAndGet();
            });
        }, 0, period, TimeUnit.NANOSECONDS);
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
        List<Result> reported = new ArrayList<>();
        reporter.scheduleAtFixedRate(() -> {
            List<Result> second = new ArrayList<>();
            for (Result result; (result = results.poll()) != null; ) {
                second.add(result);
            }
            reported.addAll(second);
            System.out.println(live(second));
        }, 1, 1, TimeUnit.SECONDS);
        CountDownLatch printed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            done.countDown();
            try {
                printed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        done.await();
        ticker.shutdownNow();
        reporter.shutdown();
        reporter.awaitTermination(2, TimeUnit.SECONDS);
        // Requests in flight get their timeout to finish; a stop (SIGTERM) must not count them as failed.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        failures.stream().limit(10).forEach(failure -> System.err.println("load: failed: " + failure));
        reported.addAll(results);
        String summary = summary(reported);
        System.out.println(summary);
        System.out.flush();
        printed.countDown();
        Runtime.getRuntime().halt(summary.contains(" failed=0 ") ? 0 : 1);
    }

    private static HttpRequest request(String base, String kind, String run, int n, boolean newConnection) {
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(Duration.ofSeconds(5));
        switch (kind) {
            case "post" -> builder.uri(URI.create(base + "/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=load-" + n % 100));
            case "cached" -> builder.uri(URI.create(base + "/monster/load-cached"));
            case "new" -> builder.uri(URI.create(base + "/monster/load-" + run + "-" + n));
            default -> builder.uri(URI.create(base + "/"));
        }
        if (newConnection) {
            builder.header("Connection", "close");
        }
        return builder.build();
    }

    private static String live(List<Result> second) {
        long[] latencies = second.stream().mapToLong(Result::latencyNanos).sorted().toArray();
        Map<String, Integer> versions = new TreeMap<>();
        second.stream().filter(Result::ok).forEach(result -> versions.merge(result.version(), 1, Integer::sum));
        int answered = versions.values().stream().mapToInt(Integer::intValue).sum();
        return String.format("live: %tT req/s=%d failed=%d p99_ms=%d versions=%s", System.currentTimeMillis(),
                second.size(), second.stream().filter(result -> !result.ok()).count(),
                millis(percentile(latencies, 99)),
                versions.entrySet().stream().map(e -> e.getKey() + ":" + (100 * e.getValue() / answered) + "%")
                        .reduce((a, b) -> a + "," + b).orElse("-"));
    }

    private static String summary(List<Result> results) {
        long[] latencies = results.stream().mapToLong(Result::latencyNanos).sorted().toArray();
        long[] successes = results.stream().filter(Result::ok).mapToLong(Result::doneNanos).sorted().toArray();
        long gap = 0;
        for (int i = 1; i < successes.length; i++) {
            gap = Math.max(gap, successes[i] - successes[i - 1]);
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        results.forEach(result -> statuses.merge(result.status(), 1, Integer::sum));
        long newConnections = results.stream().filter(Result::newConnection).count();
        return String.format("load: requests=%d failed=%d p50_ms=%d p99_ms=%d max_ms=%d gap_ms=%d keepalive=%d newconn=%d statuses=%s",
                results.size(), results.size() - successes.length, millis(percentile(latencies, 50)),
                millis(percentile(latencies, 99)), millis(percentile(latencies, 100)), millis(gap),
                results.size() - newConnections, newConnections,
                statuses.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                        .reduce((a, b) -> a + "," + b).orElse("-"));
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
