package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The rolling-update demo: a v2 image only differs by its title (and version). */
@QuarkusTest
@TestProfile(TitleTest.Version2.class)
@WithTestResource(RedisServer.class)
@WithTestResource(FakeImageBackend.class)
class TitleTest {

    public static class Version2 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("monsterstack.title", "MonsterStack v2", "monsterstack.version", "2.0");
        }
    }

    @Test
    void titleAndVersionComeFromConfiguration() {
        given().when().get("/").then()
                .statusCode(200)
                .header("X-MonsterStack-Version", equalTo("2.0"))
                .body(containsString("<title>MonsterStack v2</title>"))
                .body(containsString("<dd>2.0</dd>"));
    }
}
