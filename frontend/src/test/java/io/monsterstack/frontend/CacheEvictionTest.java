package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import io.monsterstack.testsupport.RawHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(CacheEvictionTest.SmallCache.class)
@WithTestResource(RedisServer.class)
@WithTestResource(FakeImageBackend.class)
class CacheEvictionTest {

    private static final long MAX_BYTES = 2048;

    public static class SmallCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("monsterstack.cache-max-bytes", Long.toString(MAX_BYTES));
        }
    }

    @Inject
    AvatarService avatars;

    @TestHTTPResource(value = "health/ready", management = true)
    URI ready;

    @Test
    void inProcessCacheStaysWithinItsBytes() {
        // This profile's app has just started: its first backend call must not meet a cold client.
        RawHttp.await(ready, 200, Duration.ofSeconds(30));
        List<String> names = IntStream.range(0, 40).mapToObj(i -> "evict-" + i).toList();
        long served = 0;
        for (String name : names) {
            served += given().when().get("/monster/{name}", name).then().statusCode(200).extract().asByteArray().length;
        }
        assertTrue(served > 4 * MAX_BYTES, "the test serves several times the cache's size: " + served);
        // Caffeine settles its weights right after each write; allow it a moment on a busy machine.
        await("at most " + MAX_BYTES + " bytes kept in memory").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> cachedBytes(names), kept -> kept <= MAX_BYTES);
        assertTrue(names.stream().map(avatars::cached).anyMatch(Objects::nonNull), "recent monsters stay cached");
    }

    private long cachedBytes(List<String> names) {
        return names.stream().map(avatars::cached).filter(Objects::nonNull).mapToLong(Monster::weight).sum();
    }
}
