package io.monsterstack.testsupport;

import static io.restassured.RestAssured.given;

import java.net.URL;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Metrics and health only on the management interface, the service's own routes only on its
 * application port: each service extends it with a {@code @QuarkusTest} whose static
 * {@code managementPaths()} and {@code applicationPaths()} list its paths.
 */
public abstract class ManagementInterfaceContract {

    @TestHTTPResource("/")
    URL app;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @ParameterizedTest
    @MethodSource("managementPaths")
    void servedOnTheManagementPortOnly(String path) {
        given().baseUri(origin(management)).when().get(path).then().statusCode(200);
        given().baseUri(origin(app)).when().get(path).then().statusCode(404);
    }

    @ParameterizedTest
    @MethodSource("applicationPaths")
    void applicationRoutesOnTheAppPortOnly(String path) {
        given().baseUri(origin(app)).when().get(path).then().statusCode(200);
        given().baseUri(origin(management)).when().get(path).then().statusCode(404);
    }

    private static String origin(URL url) {
        return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort();
    }
}
