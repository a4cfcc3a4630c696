package io.monsterstack.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(VisitCounterTest.PatientRedis.class)
@WithTestResource(RedisServer.class)
@WithTestResource(FakeImageBackend.class)
class VisitCounterTest {

    private static final int VISITS = 16;
    private static final Pattern NUMBER = Pattern.compile("<dt>Visits</dt><dd>(\\d+)</dd>");

    /** Redis writes are paused until every visit has arrived: the page must wait (up to the largest allowed timeout) rather than give up. */
    public static class PatientRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("monsterstack.redis-timeout", "1s");
        }
    }

    @Inject
    RedisDataSource redis;

    @Inject
    Arrivals arrivals;

    @TestHTTPResource("/")
    URI page;

    @Test
    void concurrentVisitsShareAnIncrbyAndEachGetsItsOwnNumber() throws InterruptedException {
        long incrbysBefore = incrbyCalls();
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> pages;
        // While writes are paused the first INCRBY waits in Redis and the other visits queue behind it.
        redis.execute("CLIENT", "PAUSE", "10000", "WRITE");
        try {
            pages = IntStream.range(0, VISITS)
                    .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()))
                    .toList();
            arrivals.await("/", VISITS, Duration.ofSeconds(10));
        } finally {
            redis.execute("CLIENT", "UNPAUSE");
        }
        List<Long> numbers = pages.stream().map(CompletableFuture::join).map(VisitCounterTest::visitNumber).sorted().toList();
        long first = numbers.get(0);
        assertEquals(LongStream.range(first, first + VISITS).boxed().toList(), numbers, "each visit its own number");
        long incrbys = incrbyCalls() - incrbysBefore;
        assertTrue(incrbys < VISITS, VISITS + " visits counted by " + incrbys + " INCRBY calls");
    }

    private long incrbyCalls() {
        Matcher calls = Pattern.compile("cmdstat_incrby:calls=(\\d+)").matcher(redis.execute("INFO", "commandstats").toString());
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }

    private static long visitNumber(HttpResponse<String> response) {
        assertEquals(200, response.statusCode());
        Matcher number = NUMBER.matcher(response.body());
        assertTrue(number.find(), "the page shows its visit number");
        return Long.parseLong(number.group(1));
    }
}
