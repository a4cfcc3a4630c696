package io.monsterstack.imagebackend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class IndexResourceTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void describesTheApiAtTheRoot() {
        given().when().get("/").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("GET /monster/{name}"), containsString("1024"));
    }

    @Test
    void answersTheStackHealthcheckSpider() {
        // wget --spider sends HEAD.
        given().when().head("/").then().statusCode(200);
    }

    @Test
    void reportsHealthzAsJson() {
        given().when().get("/healthz").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("status", equalTo("UP"), "artVersion", equalTo(MonsterRenderer.ART_VERSION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"health/live", "health/ready"})
    void reportsTheRendererToMicroProfileHealth(String path) {
        given().baseUri(management.toString()).when().get(path).then().statusCode(200)
                .body("status", equalTo("UP"), "checks.name", hasItem("renderer"));
    }

    @Test
    void refusesPostOnTheRoot() {
        given().when().post("/").then().statusCode(405);
    }
}
