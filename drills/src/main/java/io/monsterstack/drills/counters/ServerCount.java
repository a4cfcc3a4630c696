package io.monsterstack.drills.counters;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.monsterstack.drills.swarm.Wait;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;

/**
 * What the servers counted, from the stack's Prometheus (deploy.sh --monitoring): the requests the
 * frontends answered during a step and their 5xx (Swarm's /healthz probes and each replica's own
 * warm-up left out), and the backend calls they retried; each task's counter at its last scrape
 * minus its value at the start, or all of it for a task started meanwhile.
 */
public final class ServerCount {

    private static final String REQUESTS = "http_server_requests_seconds_count{service=\"frontend\",uri!=\"/healthz\"%s}";
    private static final String RETRIES = "monsterstack_backend_retries_total{service=\"frontend\"}";

    private final URI prometheus;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Instant started;

    public ServerCount(URI prometheus) {
        this.prometheus = prometheus;
    }

    /** Prometheus answers: the stack was deployed with it. */
    public boolean up() {
        try {
            return client.send(HttpRequest.newBuilder(prometheus.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void start() {
        started = Instant.now();
    }

    /** Once every frontend task has been scraped after the clients' last request: the step's figures. */
    public ServerFigures stop() {
        Instant ended = Instant.now();
        Wait.until(Duration.ofSeconds(30), Duration.ofMillis(500), "a scrape of every frontend after the step",
                () -> query("min(timestamp(up{job=\"monsterstack\",service=\"frontend\"}))", Instant.now()) >= ended.getEpochSecond());
        Instant at = Instant.now();
        long window = at.getEpochSecond() - started.getEpochSecond();
        ServerFigures figures = new ServerFigures(query(increase(String.format(REQUESTS, ""), window), at),
                query(increase(String.format(REQUESTS, ",status=~\"5..\""), window), at),
                query(increase(RETRIES, window), at));
        System.out.printf("    frontends: %d backend calls retried (Prometheus)%n", figures.retries());
        return figures;
    }

    /** PromQL for how much the counters grew in the last {@code seconds}, over the tasks that came and went meanwhile. */
    static String increase(String series, long seconds) {
        return String.format("sum((max_over_time(%1$s[%2$ds]) - %1$s offset %2$ds) or max_over_time(%1$s[%2$ds]))", series, seconds);
    }

    /** The one value of an instant query, 0 when it has no series. */
    public long query(String promql, Instant at) {
        URI uri = prometheus.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&time=" + at.getEpochSecond());
        try {
            String body = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return value(body).map(Math::round).orElse(0L);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Optional<Double> value(String answer) {
        try (JsonReader reader = Json.createReader(new StringReader(answer))) {
            JsonArray result = reader.readObject().getJsonObject("data").getJsonArray("result");
            return result.isEmpty() ? Optional.empty()
                    : Optional.of(Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1)));
        }
    }
}
