package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RedisServer.class)
@WithTestResource(value = FakeImageBackend.class, initArgs = @ResourceArg(name = "running", value = "false"))
class ImageBackendDownTest {

    private static final String CLIENT_METHOD = "io.monsterstack.frontend.client.ImageBackendClient.monster";

    @Test
    void monsterIs503WithRetryAfter() {
        given().when().get("/monster/nobody-draws-me").then()
                .statusCode(503)
                .header("Retry-After", equalTo("5"))
                .body(containsString("image backend"));
    }

    @Test
    void refusedConnectionIsRetriedOnce() {
        double before = retries();
        given().when().get("/monster/retry-me").then().statusCode(503);
        assertEquals(1, retries() - before, "one refused request, exactly one retry");
    }

    @Test
    void pageStillServedWithItsCounter() {
        given().when().get("/").then()
                .statusCode(200)
                .body(matchesPattern("(?s).*<dt>Visits</dt><dd>[0-9]+</dd>.*"));
    }

    @Test
    void healthzStaysGreenAndReportsTheBackendDown() {
        given().when().get("/healthz").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("redis", equalTo("UP"))
                .body("imagebackend", equalTo("DOWN"));
    }

    @Test
    void readinessReportsTheBackendDown() {
        given().when().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'imagebackend' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'imagebackend' }.data.keySet()", hasItem("error"))
                // Plain words: no address, no exception class (those go to the log).
                .body("checks.find { it.name == 'imagebackend' }.data.error", equalTo("connection refused"));
    }

    // Retries made so far by the client method; 0 before its first retry, when the counter does not exist yet.
    private static double retries() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher retries = Pattern.compile("ft_retry_retries_total\\{method=\"" + Pattern.quote(CLIENT_METHOD)
                + "\"} ([0-9.]+)").matcher(metrics);
        return retries.find() ? Double.parseDouble(retries.group(1)) : 0;
    }
}
