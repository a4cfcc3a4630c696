package io.monsterstack.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import io.monsterstack.testsupport.ScrapedMetrics;
import io.monsterstack.testsupport.RawHttp;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * A Redis that accepts connections but does not answer (paused with SIGSTOP) costs REDIS_TIMEOUT, not
 * the page, and only to the first pages: the next skip it until it answers again. /healthz answers
 * within the stack's healthcheck timeout meanwhile.
 */
@QuarkusTest
@WithTestResource(value = RedisServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeImageBackend.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SlowRedisTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final Duration HEALTHCHECK_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/")
    URI site;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void stalledRedisIsLeftBehindAfterItsTimeout() throws IOException, InterruptedException {
        String pid = serverPid();
        double timeouts = redisTimeouts();
        signal("STOP", pid);
        try {
            HttpResponse<String> page = get("/");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("counter disabled"), "the page is served without its counter");

            HttpResponse<String> monster = get("/monster/while-redis-stalls");
            assertEquals(200, monster.statusCode());
            assertEquals("image/png", monster.headers().firstValue("Content-Type").orElse(""));
        } finally {
            signal("CONT", pid);
        }
        // The page's INCRBY, the monster's GET and SET: each given up after REDIS_TIMEOUT.
        assertEquals(3, redisTimeouts() - timeouts);
    }

    @Test
    void aStalledRedisIsSkippedAfterAFewTimeoutsUntilItAnswersAgain() throws IOException, InterruptedException {
        int pages = 30;
        String pid = serverPid();
        double timeouts = redisTimeouts();
        double skipped = redisGivenUp("skipped");
        long started = System.nanoTime();
        signal("STOP", pid);
        try {
            for (int i = 0; i < pages; i++) {
                HttpResponse<String> page = get("/");
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("counter disabled"), "the page is served without its counter");
            }
        } finally {
            signal("CONT", pid);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        double waited = redisTimeouts() - timeouts;
        // Each page's INCRBY waited for its timeout or skipped Redis: half of the last eight calls
        // timed out, then one call a second tries it.
        assertEquals(pages, waited + redisGivenUp("skipped") - skipped);
        assertTrue(waited <= 4 + seconds + 1, waited + " of " + pages + " pages waited for Redis in " + seconds + " s");
        // Once it answers, the next call that tries it brings the counter back.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (get("/").body().contains("counter disabled")) {
            assertTrue(System.nanoTime() < deadline, "the counter is back within " + PATIENCE + " of Redis answering");
            Thread.sleep(100);
        }
    }

    private double redisTimeouts() {
        return redisGivenUp("timeout");
    }

    private double redisGivenUp(String kind) {
        return ScrapedMetrics.scrape(metrics.toString()).value("monsterstack_redis_errors_total", "kind", kind);
    }

    @Test
    void healthzStillAnswersAtOnceWhileRedisStalls() throws IOException, InterruptedException {
        // A first answer loads the classes of the path, which takes a second on a busy machine.
        assertEquals(200, get("/healthz").statusCode());
        String pid = serverPid();
        signal("STOP", pid);
        try {
            RawHttp.Answer answer = RawHttp.get(site.getPort(), "/healthz", HEALTHCHECK_TIMEOUT);
            System.out.printf("/healthz with Redis stalled: %s%n", answer);
            assertEquals(200, answer.status(), answer.text());
            assertEquals("DOWN", JsonPath.from(answer.body()).getString("redis"));
        } finally {
            signal("CONT", pid);
        }
    }

    // Fails (HttpTimeoutException) when the request waits for Redis longer than PATIENCE.
    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(site.resolve(path)).timeout(PATIENCE).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String serverPid() {
        Matcher pid = Pattern.compile("process_id:(\\d+)").matcher(redis.execute("INFO", "server").toString());
        assertTrue(pid.find(), "INFO server names the process");
        return pid.group(1);
    }

    private static void signal(String signal, String pid) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor());
    }
}
