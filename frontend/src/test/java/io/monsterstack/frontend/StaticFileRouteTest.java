package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(value = RedisServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeImageBackend.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StaticFileRouteTest {

    @ParameterizedTest
    @CsvSource({
        "favicon.svg,          image/svg+xml",
        "favicon.ico,          image/x-icon",
        "css/monsterstack.css, text/css;charset=UTF-8",
    })
    void servesEachFileWithItsTypeCachingAndEtag(String file, String type) throws IOException {
        byte[] body = given().when().get("/" + file).then()
                .statusCode(200)
                .header("Content-Type", equalTo(type))
                .header("Cache-Control", equalTo("public, immutable, max-age=86400"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{22}\""))
                .extract().asByteArray();
        assertArrayEquals(Files.readAllBytes(Path.of("src/main/resources/static", file)), body);

        String etag = given().when().get("/" + file).then().extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/" + file).then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .body(emptyString());
        given().when().head("/" + file).then()
                .statusCode(200)
                .header("Content-Length", equalTo(Integer.toString(body.length)))
                .header("ETag", equalTo(etag))
                .body(emptyString());
    }

    @Test
    void theIconHoldsImagesThatDecode() throws IOException {
        byte[] ico = given().when().get("/favicon.ico").then().statusCode(200).extract().asByteArray();
        ByteBuffer directory = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(List.of(0, 1), List.of((int) directory.getShort(), (int) directory.getShort()), "ICO header");
        int images = directory.getShort();
        assertTrue(images > 0, "the icon holds images");
        for (int i = 0; i < images; i++) {
            int entry = 6 + 16 * i;
            int side = ico[entry] & 0xff;
            int length = directory.getInt(entry + 8);
            int offset = directory.getInt(entry + 12);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(ico, offset, length));
            assertEquals(List.of(side, side), List.of(image.getWidth(), image.getHeight()), "image " + i + " decodes");
        }
    }

    @Test
    void eachFileHasItsOwnEtag() {
        String svg = given().when().get("/favicon.svg").then().extract().header("ETag");
        String css = given().when().get("/css/monsterstack.css").then().extract().header("ETag");
        assertNotEquals(svg, css);
        given().header("If-None-Match", svg).when().get("/css/monsterstack.css").then().statusCode(200);
    }
}
