package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(value = RedisServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeImageBackend.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PageResourceTest {

    private static final Pattern VISITS = Pattern.compile("<dt>Visits</dt><dd>(\\d+)</dd>");

    @Test
    void showsJohnDoeAndHisOriginalMonsterUrl() throws Exception {
        String expectedHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("UNIQUE_SALTJohn Doe".getBytes(StandardCharsets.UTF_8)));
        given().when().get("/").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<title>MonsterStack</title>"))
                .body(containsString("value=\"John Doe\""))
                .body(containsString("<img src=\"/monster/" + expectedHash + "\""));
    }

    /** The page of a name, asked as the form asks it (GET, so that it can be linked) or as the original's form posted it. */
    private static ValidatableResponse page(String method, String name) {
        RequestSpecification request = method.equals("GET") ? given().queryParam("name", name) : given().formParam("name", name);
        return request.when().request(method, "/").then();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void aNameGetsItsOwnMonsterWhicheverWayItCame(String method) {
        page(method, "Ada").statusCode(200)
                .body(containsString("value=\"Ada\""))
                .body(containsString("<img src=\"/monster/" + PageResource.hash("UNIQUE_SALTAda") + "\""))
                .body(containsString("<figcaption>Ada</figcaption>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void blankNamesFallBackToTheDefaultAndOverlongOnesAreRefused(String method) {
        page(method, "  ").statusCode(200).body(containsString("value=\"John Doe\""));
        page(method, "n".repeat(129)).statusCode(400).body(equalTo("name must be at most 128 characters\n"));
        page(method, "n".repeat(128)).statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"><script>alert(1)</script>", "x\" onmouseover=\"alert(1)", "javascript:alert('1')&<b>"})
    void escapesEveryUserSuppliedString(String payload) {
        String page = given().formParam("name", payload).when().post("/").then()
                .statusCode(200)
                .extract().asString();
        assertFalse(page.contains(payload), "payload must not appear verbatim");
        assertFalse(page.contains("<script>"), "no script element may be injected");
        assertFalse(page.contains("onmouseover=\""), "no attribute may be injected");
        assertTrue(page.contains(payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;")), "the name is shown, escaped");
    }

    // The project's version as Quarkus reads it from the pom: the default of MONSTERSTACK_VERSION.
    @ConfigProperty(name = "quarkus.application.version")
    String mavenVersion;

    @Test
    void everyRouteNamesReplicaAndVersion() {
        for (String path : new String[] {"/", "/healthz", "/css/monsterstack.css", "/monster/x"}) {
            given().when().get(path).then()
                    .header("X-MonsterStack-Version", equalTo(mavenVersion))
                    .header("X-MonsterStack-Replica", not(equalTo("")));
        }
    }

    @Test
    void refusesFormFieldsOver4K() {
        given().formParam("name", "Ada").formParam("padding", "p".repeat(4096)).when().post("/").then()
                .statusCode(200);
        given().formParam("name", "Ada").formParam("padding", "p".repeat(4097)).when().post("/").then()
                .statusCode(413);
        given().formParam("name", "n".repeat(20_000)).when().post("/").then().statusCode(413);
    }

    @Test
    void formSendsTheNameInTheAddressSoTheResultCanBeShared() {
        given().when().get("/").then()
                .statusCode(200)
                .body(containsString("<form method=\"GET\" action=\"/\">"))
                .body(containsString("<input id=\"name\" name=\"name\""));
    }

    @Test
    void everyPageViewCountsOneVisitWhicheverWayTheNameCame() {
        long first = visits(page("GET", "Alice").extract().asString());
        long second = visits(given().when().get("/").then().extract().asString());
        long third = visits(page("POST", "Alice").extract().asString());
        assertEquals(List.of(first + 1, first + 2), List.of(second, third));
    }

    @Test
    void linksItsIconsAndStylesheet() {
        given().when().get("/").then()
                .body(containsString("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"))
                .body(containsString("<link rel=\"icon\" href=\"/favicon.ico\""))
                .body(containsString("<link rel=\"stylesheet\" href=\"/css/monsterstack.css\">"));
    }

    @Test
    void explainsWhatServedByMeans() {
        given().when().get("/").then()
                .body(containsString("<footer>"))
                .body(containsString("reload and watch it change"));
    }

    @Test
    void loadsNothingFromAnotherOrigin() {
        String page = given().when().get("/").then().statusCode(200).extract().asString();
        Matcher references = Pattern.compile("(?:src|href|action)=\"([^\"]*)\"").matcher(page);
        int count = 0;
        while (references.find()) {
            String reference = references.group(1);
            assertTrue(reference.startsWith("/") && !reference.startsWith("//"), "same-origin path: " + reference);
            count++;
        }
        assertTrue(count >= 5, "stylesheet, two icons, form and monster are all checked");
        assertFalse(page.contains("style="), "no inline styles");
        assertFalse(page.contains("<script"), "no scripts");
        String css = given().when().get("/css/monsterstack.css").then().statusCode(200).extract().asString();
        assertFalse(css.contains("url("), "the stylesheet fetches nothing");
        assertFalse(css.contains("@import"), "the stylesheet imports nothing");
    }

    private static long visits(String page) {
        Matcher matcher = VISITS.matcher(page);
        assertTrue(matcher.find(), "the page shows a visit count");
        return Long.parseLong(matcher.group(1));
    }
}
