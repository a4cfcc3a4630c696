package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RedisServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeImageBackend.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MonsterRouteTest {

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "quarkus.rest-client.imagebackend.url")
    String backendUrl;

    @TestHTTPResource("/monster/")
    URL monsters;

    @Inject
    Arrivals arrivals;

    @Test
    void fillsRedisThenServesFromMemory() throws IOException {
        byte[] first = png("cache-fill");
        byte[] stored = redis.value(byte[].class).get("monster:100:cache-fill");
        assertArrayEquals(first, stored, "the PNG is stored in Redis under monster:<size>:<name>");
        // Gone from Redis and not asked of the backend again: what follows comes from memory.
        redis.key().del("monster:100:cache-fill");
        assertArrayEquals(first, png("cache-fill"));
        assertArrayEquals(first, png("cache-fill"));
        assertEquals(1, backendCalls("cache-fill"), "later requests are served from memory");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first));
        assertEquals(100, image.getWidth());
        assertEquals(100, image.getHeight());
    }

    @Test
    void servesWhatRedisAlreadyHolds() throws IOException {
        byte[] first = png("from-redis");
        redis.value(byte[].class).set("monster:100:shared-in-redis", first);
        assertArrayEquals(first, png("shared-in-redis"));
        assertEquals(0, backendCalls("shared-in-redis"), "another replica's PNG in Redis is reused");
    }

    @Test
    void monstersAreImmutableForBrowsers() {
        String etag = given().when().get("/monster/etag-me").then()
                .statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .header("ETag", notNullValue())
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/monster/etag-me").then()
                .statusCode(304)
                .header("ETag", equalTo(etag));
        given().header("If-None-Match", "\"other\"").when().get("/monster/etag-me").then().statusCode(200);
    }

    @Test
    void neverCachesErrors() throws IOException {
        given().when().get("/monster/flaky-one").then().statusCode(503);
        assertNull(redis.value(byte[].class).get("monster:100:flaky-one"));
        png("flaky-one");
        assertEquals(2, backendCalls("flaky-one"), "the failed answer was not cached");
    }

    @Test
    void passesBackendClientErrorsThrough() {
        given().when().get("/monster/status-404-x").then().statusCode(404);
        given().when().get("/monster/status-400-x").then().statusCode(400);
        assertEquals(2, backendCalls("status-400-x") + backendCalls("status-404-x"));
    }

    @Test
    void backendFailuresBecome503WithRetryAfter() {
        for (String name : List.of("status-500-x", "status-502-x", "garbage-x", "stall-x")) {
            given().when().get("/monster/" + name).then()
                    .statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .contentType(containsString("text/plain"));
        }
    }

    @Test
    void redisKeepsAMonsterForSevenDays() {
        png("seven-days");
        long ttl = redis.key().ttl("monster:100:seven-days");
        long week = Duration.ofDays(7).toSeconds();
        assertTrue(ttl > week - 60 && ttl <= week, "TTL of the cached PNG: " + ttl + " s");
    }

    @Test
    void answersHeadLikeGetWithoutTheBody() {
        String etag = given().when().head("/monster/head-me").then()
                .statusCode(200)
                .contentType("image/png")
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .body(emptyString())
                .extract().header("ETag");
        given().when().get("/monster/head-me").then().statusCode(200).header("ETag", equalTo(etag));
    }

    @Test
    void concurrentMissesMakeOneBackendCall() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create(monsters + "held-single-flight");
        List<CompletableFuture<HttpResponse<byte[]>>> responses = IntStream.range(0, 16)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray()))
                .toList();
        // The backend holds its answer until released, so all 16 requests are in the frontend at once.
        arrivals.await("/monster/held-single-flight", 16, Duration.ofSeconds(10));
        assertTrue(responses.stream().noneMatch(CompletableFuture::isDone), "nothing answered before the backend");
        given().baseUri(backendUrl).when().get("/release/held-single-flight").then().statusCode(200);
        byte[] first = responses.get(0).join().body();
        for (CompletableFuture<HttpResponse<byte[]>> response : responses) {
            assertEquals(200, response.join().statusCode());
            assertArrayEquals(first, response.join().body());
        }
        assertEquals(1, backendCalls("held-single-flight"));
    }

    @Test
    void encodesNamesForTheBackend() throws IOException {
        png("two words & more");
        assertEquals(1, backendCalls("two words & more"));
    }

    @Test
    void refusesTooLongNames() {
        given().when().get("/monster/" + "n".repeat(129)).then()
                .statusCode(400)
                .body(containsString("1 to 128"));
    }

    private static byte[] png(String name) {
        return given().when().get("/monster/{name}", name).then()
                .statusCode(200)
                .contentType("image/png")
                .extract().asByteArray();
    }

    private int backendCalls(String name) {
        return given().baseUri(backendUrl).when().get("/calls/{name}", name).then()
                .statusCode(200)
                .extract().asString().transform(Integer::parseInt);
    }
}
