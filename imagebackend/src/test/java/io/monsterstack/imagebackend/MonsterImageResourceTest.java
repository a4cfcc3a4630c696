package io.monsterstack.imagebackend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class MonsterImageResourceTest {

    private static Response monster(String name, String query) {
        return given().urlEncodingEnabled(false).when().get("/monster/" + name + query);
    }

    private static byte[] png(String name, String query, int side) {
        byte[] png = monster(name, query).then().statusCode(200).contentType("image/png").extract().asByteArray();
        PngAssertions.assertStrictIndexedPng(png, side);
        PngAssertions.assertSolidBlocks(PngAssertions.decode(png, side));
        return png;
    }

    @Test
    void servesAnImmutablePngWithLengthAndETag() {
        Response response = monster("Docker", "?size=100");
        response.then().statusCode(200)
                .contentType("image/png")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", startsWith("\"2-"));
        byte[] png = response.asByteArray();
        assertEquals(String.valueOf(png.length), response.header("Content-Length"));
        assertArrayEquals(MonsterRenderer.render(MonsterRenderer.seed("Docker"), 100), png);
        PngAssertions.decode(png, 100);
    }

    @ParameterizedTest
    @CsvSource({
        "'',                        20",
        "?size=,                    20",
        "?size=100,                 100",
        "?size=5,                   12",
        "?size=0,                   12",
        "?size=1024,                1024",
        "?width=40,                 40",
        "?size=500&width=30&height=70, 70",
        "?height=33&size=8,         33",
    })
    void sizesTheSquareLikeDnmonster(String query, int side) {
        png("Alice", query, side);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?size=1025", "?width=2000", "?height=1025&width=10", "?size=99999999999",
        "?size=abc", "?size=-5", "?size=1.5", "?size=0x10", "?width=%2B20",
        "?size=20&size=30", "?width=20&width=20", "?height=1&height=2"})
    void refusesBadSizesWithAPlainTextReason(String query) {
        monster("Alice", query).then().statusCode(400)
                .contentType(not(containsString("image")))
                .body(not(emptyString()));
    }

    @Test
    void refusesNamesOverTheMaximumLength() {
        png("a".repeat(256), "", 20);
        monster("a".repeat(257), "").then().statusCode(414).contentType(startsWith("text/plain"));
        // 256 characters of three UTF-8 bytes each are still one name of 256 characters.
        png("怪".repeat(256), "", 20);
    }

    @Test
    void takesNamesPercentDecoded() {
        assertArrayEquals(MonsterRenderer.render(MonsterRenderer.seed("Zoë 怪物"), 20), png("Zo%C3%AB%20%E6%80%AA%E7%89%A9", "", 20));
        assertArrayEquals(MonsterRenderer.render(MonsterRenderer.seed("John Doe"), 20), png("John%20Doe", "", 20));
    }

    @Test
    void givesDifferentNamesDifferentPictures() {
        assertNotEquals(monster("ab", "").header("ETag"), monster("abab", "").header("ETag"));
        assertFalse(Arrays.equals(png("ab", "", 20), png("abab", "", 20)));
    }

    @Test
    void answersHeadWithHeadersOnly() {
        Response get = monster("Bob", "?size=64");
        given().when().head("/monster/Bob?size=64").then().statusCode(200)
                .contentType("image/png")
                .header("Content-Length", String.valueOf(get.asByteArray().length))
                .header("ETag", get.header("ETag"))
                .body(emptyString());
    }

    @Test
    void answersIfNoneMatchWithNotModified() {
        String etag = monster("Carol", "?size=50").header("ETag");
        assertEquals(etag, monster("Carol", "?size=50").header("ETag"), "stable ETag");
        assertNotEquals(etag, monster("Carol", "?size=51").header("ETag"), "ETag depends on the size");
        for (String ifNoneMatch : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            given().header("If-None-Match", ifNoneMatch).when().get("/monster/Carol?size=50")
                    .then().statusCode(304).header("ETag", etag).body(emptyString());
        }
        given().header("If-None-Match", "\"other\"").when().get("/monster/Carol?size=50")
                .then().statusCode(200).contentType("image/png");
    }

    @Test
    void refusesOtherMethodsWith405() {
        given().when().post("/monster/x").then().statusCode(405);
        given().when().put("/monster/x").then().statusCode(405);
        given().when().delete("/monster/x").then().statusCode(405);
    }

    @Test
    void answersUnknownPathsWith404() {
        given().when().get("/nothing").then().statusCode(404);
        given().when().get("/monster").then().statusCode(404);
        given().when().get("/monster/a/b").then().statusCode(404);
    }

    @Test
    void labelsNoErrorAsImage() {
        given().header("Accept", "image/png").when().get("/monster/x?size=abc")
                .then().statusCode(400).contentType(not(containsString("image"))).body(equalTo(
                        "size must be a whole number of pixels up to 1024\n"));
    }
}
