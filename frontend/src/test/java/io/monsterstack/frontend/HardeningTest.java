package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import io.monsterstack.testsupport.RawHttp;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Security headers, malformed forms and protocol strictness (the smaller rows of docs/hardening.md). */
@QuarkusTest
@WithTestResource(value = RedisServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeImageBackend.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HardeningTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void pageMayNotBeFramedNorRunScripts() {
        given().when().get("/").then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("style-src 'self'"))
                .header("Content-Security-Policy", containsString("img-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/monster/nosniff", "/css/monsterstack.css", "/healthz", "/nope"})
    void everyAnswerSaysNosniff(String path) {
        given().when().get(path).then()
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"name=%", "name=%zz", "x=%&name=ok", "na%me=x"})
    void malformedFormIs400WithAReason(String body) {
        given().contentType("application/x-www-form-urlencoded").body(body).when().post("/").then()
                .statusCode(400)
                .body(equalTo("form data must be URL encoded\n"));
    }

    @Test
    void encodedNamesStillWork() {
        given().contentType("application/x-www-form-urlencoded").body("x=1&name=Ada+%26+Grace&name=ignored")
                .when().post("/").then()
                .statusCode(200)
                .body(containsString("value=\"Ada &amp; Grace\""));
    }

    @Test
    void unknownHttpVersionIsNotAnswered() {
        RawHttp.Answer answer = RawHttp.exchange(root.getPort(), "GET / HTTP/9.9\r\nHost: localhost\r\n\r\n",
                Duration.ofSeconds(5));
        assertEquals("", answer.text(), "closed without an answer");
        assertTrue(answer.millis() < 4000, "closed at once, not left open: " + answer);
    }

    @Test
    void http11WithoutHostIs400() {
        RawHttp.Answer answer = RawHttp.exchange(root.getPort(), "GET /healthz HTTP/1.1\r\n\r\n", Duration.ofSeconds(5));
        assertEquals(400, answer.status(), answer.text());
        assertTrue(answer.text().endsWith("a Host header is required\n"), answer.text());
        assertTrue(answer.millis() < 4000, "and the connection closed: " + answer);
    }
}
