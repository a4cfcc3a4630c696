package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;

import java.net.URL;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Metrics and health only on the management interface; Swarm's /healthz and the site only on the app port. */
@QuarkusTest
@WithTestResource(value = RedisServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeImageBackend.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ManagementInterfaceTest {

    @TestHTTPResource("/")
    URL app;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/health/group/edge"})
    void servedOnTheManagementPortOnly(String path) {
        given().baseUri(origin(management)).when().get(path).then().statusCode(200);
        given().baseUri(origin(app)).when().get(path).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/healthz", "/", "/monster/anyone", "/favicon.svg"})
    void applicationRoutesOnTheAppPortOnly(String path) {
        given().baseUri(origin(app)).when().get(path).then().statusCode(200);
        given().baseUri(origin(management)).when().get(path).then().statusCode(404);
    }

    private static String origin(URL url) {
        return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort();
    }
}
