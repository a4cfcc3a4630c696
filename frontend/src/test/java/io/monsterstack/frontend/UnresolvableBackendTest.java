package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import java.net.URL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** An IMAGEBACKEND_DOMAIN that does not resolve is named as such, not as "unreachable or too slow". */
@QuarkusTest
@TestProfile(UnresolvableBackendTest.NoSuchHost.class)
@WithTestResource(RedisServer.class)
class UnresolvableBackendTest {

    @TestHTTPResource(value = "health", management = true)
    URL health;

    public static class NoSuchHost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // .invalid never resolves (RFC 2606).
            return Map.of("quarkus.rest-client.imagebackend.url", "http://imagebackend.invalid:8080");
        }
    }

    @Test
    void monsterSaysWhichHostCannotBeResolved() {
        given().when().get("/monster/anyone").then()
                .statusCode(503)
                .body(equalTo("cannot resolve imagebackend.invalid\n"));
    }

    @Test
    void servesAndSaysItInPlainWords() {
        DependencyDown.assertServingWithout(health, "imagebackend", equalTo("cannot resolve imagebackend.invalid"));
    }
}
