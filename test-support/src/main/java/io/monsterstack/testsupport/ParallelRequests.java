package io.monsterstack.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Legitimate load, as a load generator makes it: requests 0, 1, 2... on keep-alive HTTP/1.1
 * connections (java.net.http), at most a given number in flight, until a count or a duration runs out.
 */
public final class ParallelRequests {

    private ParallelRequests() {
    }

    /** How many answers came with each status (0: none within 5 s, or the connection failed). */
    public static Map<Integer, Integer> send(int inFlight, int count, Duration duration, IntFunction<HttpRequest.Builder> request)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Semaphore slots = new Semaphore(inFlight);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long end = System.nanoTime() + duration.toNanos();
        for (int i = 0; i < count && System.nanoTime() < end; i++) {
            slots.acquire();
            client.sendAsync(request.apply(i).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        statuses.merge(failure == null ? response.statusCode() : 0, 1, Integer::sum);
                        slots.release();
                    });
        }
        slots.acquire(inFlight);
        return new TreeMap<>(statuses);
    }

    public static HttpRequest.Builder to(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
