package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

import io.monsterstack.testsupport.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RedisServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeImageBackend.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HealthTest {

    RedisServer.Admin redis;

    @ConfigProperty(name = "quarkus.rest-client.imagebackend.url")
    String backendUrl;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void healthzReportsEveryDependencyUp() {
        given().when().get("/healthz").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("eventLoops", equalTo("UP"))
                .body("oldestHeartbeatAgeMs", lessThan(10_000))
                .body("redis", equalTo("UP"))
                .body("imagebackend", equalTo("UP"));
    }

    @Test
    void readinessChecksRedisAndTheBackend() {
        given().when().get(ready).then()
                .statusCode(200)
                .body("checks.find { it.name == 'redis' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'imagebackend' }.status", equalTo("UP"));
    }

    @Test
    void backendThatAnswers404OnItsRootIsReady() {
        // amouat/dnmonster has no "/" route: rendering a monster is what makes a backend healthy.
        given().baseUri(backendUrl).when().get("/").then().statusCode(404);
        given().when().get(ready).then()
                .statusCode(200)
                .body("checks.find { it.name == 'imagebackend' }.status", equalTo("UP"));
    }

    @Test
    void passwordNeverShows() {
        String password = redis.password();
        Map<String, Integer> statuses = Map.of("/", 200, "/healthz", 200, "/nope", 404);
        statuses.forEach((path, status) -> given().when().get(path).then()
                .statusCode(status)
                .body(not(containsString(password))));
        given().baseUri(management.toString()).when().get("metrics").then()
                .statusCode(200)
                .body(not(containsString(password)));
        // Health reports with their checks' data, Redis's among them, once every dependency is up.
        RawHttp.await(URI.create(ready.toString()), 200, Duration.ofSeconds(30));
        for (String path : new String[] {"health", "health/ready"}) {
            given().baseUri(management.toString()).when().get(path).then()
                    .statusCode(200)
                    .body("checks.name", hasItems("redis", "imagebackend"))
                    .body(not(containsString(password)));
        }
    }
}
