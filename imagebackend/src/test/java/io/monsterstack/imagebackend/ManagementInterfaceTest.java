package io.monsterstack.imagebackend;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Metrics and health only on the management interface; the stack's healthcheck only on the app port. */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource("/")
    URL app;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/health", "/q/health/live", "/q/health/ready"})
    void servedOnTheManagementPortOnly(String path) {
        given().baseUri(origin(management)).when().get(path).then().statusCode(200);
        given().baseUri(origin(app)).when().get(path).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/healthz", "/", "/monster/anyone"})
    void applicationRoutesOnTheAppPortOnly(String path) {
        given().baseUri(origin(app)).when().get(path).then().statusCode(200);
        given().baseUri(origin(management)).when().get(path).then().statusCode(404);
    }

    private static String origin(URL url) {
        return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort();
    }
}
