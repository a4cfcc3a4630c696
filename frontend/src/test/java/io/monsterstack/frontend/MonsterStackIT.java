package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import io.monsterstack.testsupport.RawHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** The whole site as processes: packaged frontend, the real image backend jar and a real Redis. */
@QuarkusIntegrationTest
@WithTestResource(RedisServer.class)
@WithTestResource(RealImageBackend.class)
@WithTestResource(ManagementPort.class)
class MonsterStackIT {

    // Injected by RealImageBackend.
    URI backend;

    private static final Pattern MONSTER = Pattern.compile("<img src=\"(/monster/[0-9a-f]{64})\"");

    // Injected by ManagementPort.
    ManagementPort.Address management;

    @Test
    void pageLeadsToARealMonster() throws IOException, InterruptedException {
        // Started is not ready: the first visit must find Redis connected to get its number.
        RawHttp.await(management.resolve("/q/health/ready"), 200, Duration.ofSeconds(30));
        String page = given().formParam("name", "Grace Hopper").when().post("/").then()
                .statusCode(200)
                .body(containsString("<title>MonsterStack</title>"))
                .body(containsString("<dt>Visits</dt><dd>1</dd>"))
                .extract().asString();
        Matcher img = MONSTER.matcher(page);
        assertTrue(img.find(), "the page links its monster");

        byte[] png = given().when().get(img.group(1)).then()
                .statusCode(200)
                .contentType("image/png")
                .extract().asByteArray();
        BufferedImage monster = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(100, monster.getWidth());
        assertEquals(100, monster.getHeight());
        assertTrue(hasOpaquePixel(monster), "a monster is drawn, not an empty square");

        // The frontend passes the backend's own PNG on unchanged, from the backend and then from its caches.
        byte[] drawn = given().baseUri(backend.toString()).queryParam("size", 100).when().get(img.group(1)).then()
                .statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(drawn, png);
        assertArrayEquals(drawn, given().when().get(img.group(1)).then().statusCode(200).extract().asByteArray());
        given().when().get("/healthz").then()
                .statusCode(200)
                .body("redis", equalTo("UP"))
                .body("imagebackend", equalTo("UP"));
    }

    @Test
    void semicolonInANameReachesTheBackend() throws IOException {
        byte[] a = given().when().get("/monster/a").then().statusCode(200).extract().asByteArray();
        byte[] semicolon = given().urlEncodingEnabled(false).when().get("/monster/a%3Bb").then()
                .statusCode(200).extract().asByteArray();
        assertFalse(java.util.Arrays.equals(a, semicolon), "a;b has its own monster, not the one of a");
        given().urlEncodingEnabled(false).when().get("/monster/%3B").then().statusCode(200).contentType("image/png");
    }

    @Test
    void logNeverShowsThePassword() throws IOException {
        given().when().get(management.resolve("/q/health/ready")).then().statusCode(200);
        String log = Files.readString(Path.of("target", "quarkus.log"));
        assertTrue(log.contains("Listening on"), "the log of the packaged app is where we look");
        assertFalse(log.contains("pw-"), "the Redis password must not be logged");
    }

    private static boolean hasOpaquePixel(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) >>> 24 == 0xff) {
                    return true;
                }
            }
        }
        return false;
    }
}
