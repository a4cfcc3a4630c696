package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.hamcrest.Matcher;

/**
 * What a replica says while one of its dependencies (redis or imagebackend) is down, the other up: it
 * still serves, so /healthz, Swarm's healthcheck, is 200 and UP with the dependency DOWN as data; it
 * is not ready, readiness naming the dependency and why in plain words; and it is alive.
 */
final class DependencyDown {

    private DependencyDown() {
    }

    /** {@code health}: the management interface's {@code /q/health}. */
    static void assertServingWithout(URL health, String dependency, Matcher<? super String> reason) {
        String other = dependency.equals("redis") ? "imagebackend" : "redis";
        given().when().get("/healthz").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(dependency, equalTo("DOWN"))
                .body(other, equalTo("UP"));
        String check = "checks.find { it.name == '" + dependency + "' }";
        given().baseUri(health.toString()).when().get("/ready").then()
                .statusCode(503)
                .body(check + ".status", equalTo("DOWN"))
                .body(check + ".data.error", reason);
        given().baseUri(health.toString()).when().get("/live").then().statusCode(200);
    }
}
