package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;

import io.monsterstack.service.health.SelfWarmUp;
import io.monsterstack.testsupport.ScrapedMetrics;
import io.monsterstack.testsupport.WarmedUpContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The warm-up sends the frontend's pages ({@code monsterstack.warm-up.paths}) without counting them
 * as visits, nor as requests in {@code http_server_requests}: a visitor's requests only.
 */
@QuarkusTest
@TestProfile(WarmedUpContract.Profile.class)
@WithTestResource(RedisServer.class)
@WithTestResource(FakeImageBackend.class)
class WarmUpTest extends WarmedUpContract {

    @Inject
    RedisDataSource redis;

    @Test
    void warmUpCountsNoVisitButAForgedHeaderIs() throws InterruptedException {
        awaitWarmedUp();
        assertNull(redis.value(Long.class).get(VisitCounter.KEY), "the replica's own page views are no visits");

        given().when().get("/").then().statusCode(200);
        given().header(SelfWarmUp.HEADER, "a guess").when().get("/").then().statusCode(200);
        assertEquals(2L, redis.value(Long.class).get(VisitCounter.KEY), "a visitor cannot pass for the warm-up");
        assertEquals(2.0, ScrapedMetrics.scrape(metrics.toString()).value("http_server_requests_seconds_count", "uri", "/"),
                "the two visitors' pages are counted, none of the warm-up's");
    }
}
