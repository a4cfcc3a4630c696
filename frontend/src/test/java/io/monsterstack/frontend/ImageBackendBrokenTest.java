package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A backend that answers HTTP but renders no monster is reachable, not healthy. */
@QuarkusTest
@WithTestResource(RedisServer.class)
@WithTestResource(value = FakeImageBackend.class, initArgs = @ResourceArg(name = "broken", value = "true"))
class ImageBackendBrokenTest {

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @Test
    void readinessIsDownWithTheBackendsAnswer() {
        given().when().get(ready).then()
                .statusCode(503)
                .body("checks.find { it.name == 'imagebackend' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'imagebackend' }.data.error", containsString("500"));
    }

    @Test
    void healthzStaysGreenAndReportsTheBackendDown() {
        given().when().get("/healthz").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("imagebackend", equalTo("DOWN"));
    }
}
