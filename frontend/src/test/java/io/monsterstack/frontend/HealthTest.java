package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RedisServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeImageBackend.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HealthTest {

    @ConfigProperty(name = "redis.password-file")
    Path passwordFile;

    @Test
    void healthzReportsEveryDependencyUp() {
        given().when().get("/healthz").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("redis", equalTo("UP"))
                .body("imagebackend", equalTo("UP"));
    }

    @Test
    void readinessChecksRedisAndTheBackend() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'redis' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'imagebackend' }.status", equalTo("UP"));
    }

    @Test
    void passwordNeverShows() throws IOException {
        String password = Files.readString(passwordFile).strip();
        given().when().get("/").then().statusCode(200).body(not(containsString(password)));
        for (String path : new String[] {"/healthz", "/q/health", "/q/health/ready", "/q/metrics", "/nope"}) {
            given().when().get(path).then().body(not(containsString(password)));
        }
    }
}
