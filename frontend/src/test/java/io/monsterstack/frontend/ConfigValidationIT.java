package io.monsterstack.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
import io.monsterstack.frontend.config.FrontendConfig;
import io.monsterstack.service.ManagementPortConfig;
import io.monsterstack.service.ShutdownConfig;
import io.monsterstack.service.health.EventLoopConfig;
import io.monsterstack.service.health.WarmUpConfig;
import io.monsterstack.testsupport.ConfigurationDoc;
import io.monsterstack.testsupport.ConfigurationDoc.Setting;
import io.monsterstack.testsupport.RawHttp;
import io.monsterstack.testsupport.ServiceProcess;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The packaged frontend refuses a bad variable at start: it exits non-zero within seconds, printing
 * one line per bad variable with its name, value and allowed range, and no stack trace. Values on
 * the edges of the ranges still start and reach what reads them (the page, the log, the REST client).
 * Variables are tested in groups, since every bad one gets its own line in the same start.
 */
class ConfigValidationIT {

    // Generous, for a loaded CI machine: an idle one starts or refuses in about 2 s.
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private record Bad(String variable, String value, String line) {
    }

    /**
     * A variable with a range (its property and bounds read from the mappings' annotations), and a
     * bad value below and above it, each with the value as the line reads it (a duration in ISO-8601).
     */
    private record Ranged(Setting setting, String low, String lowRead, String high, String highRead) {

        static Ranged of(String variable, String low, String lowRead, String high, String highRead) {
            return new Ranged(ConfigurationDoc.setting(variable, FrontendConfig.class, ShutdownConfig.class,
                    ManagementPortConfig.class, WarmUpConfig.class, EventLoopConfig.class), low, lowRead, high, highRead);
        }

        static Ranged of(String variable, String low, String high) {
            return of(variable, low, low, high, high);
        }

        String variable() {
            return setting.variable();
        }

        Bad below() {
            return bad(low, lowRead);
        }

        Bad above() {
            return bad(high, highRead);
        }

        private Bad bad(String value, String read) {
            String line = setting.refusal(read);
            // WarmUpConfig's line says what its lowest value does.
            if (variable().equals("WARM_UP_REQUESTS")) {
                line = line.replace("; allowed: " + setting.min() + " to", "; allowed: " + setting.min() + " (off) to");
            }
            return new Bad(variable(), value, line);
        }
    }

    /** Each ranged variable with its bad values: below the range, then above it. */
    private static final List<Ranged> RANGES = List.of(
            Ranged.of("REDIS_TIMEOUT", "0", "PT0S", "2s", "PT2S"),
            Ranged.of("REDIS_PORT", "0", "65536"),
            Ranged.of("REDIS_POOL_SIZE", "0", "257"),
            Ranged.of("REDIS_CONNECT_TIMEOUT", "0s", "PT0S", "6s", "PT6S"),
            Ranged.of("IMAGEBACKEND_PORT", "0", "65536"),
            Ranged.of("MANAGEMENT_PORT", "0", "65536"),
            Ranged.of("IMAGEBACKEND_CONNECT_TIMEOUT_MS", "-1", "501"),
            Ranged.of("IMAGEBACKEND_READ_TIMEOUT_MS", "0", "2001"),
            Ranged.of("IMAGEBACKEND_POOL_SIZE", "0", "257"),
            Ranged.of("MONSTER_SIZE", "-1", "5000"),
            Ranged.of("MONSTER_NAME_MAX_LENGTH", "0", "257"),
            Ranged.of("MONSTER_CACHE_MAX_BYTES", "-5", "25165825"),
            Ranged.of("MONSTER_REDIS_TTL", "-P1D", "PT-24H", "366d", "PT8784H"),
            Ranged.of("RETRY_AFTER_SECONDS", "-1", "3601"),
            Ranged.of("DNS_CACHE_MAX_TTL_SECONDS", "-1", "61"),
            Ranged.of("SHUTDOWN_DELAY", "-1s", "PT-1S", "31s", "PT31S"),
            Ranged.of("SHUTDOWN_TIMEOUT", "-1s", "PT-1S", "61s", "PT1M1S"),
            Ranged.of("WARM_UP_REQUESTS", "-1", "100001"),
            Ranged.of("WARM_UP_MAX_DURATION", "0s", "PT0S", "121s", "PT2M1S"),
            Ranged.of("EVENT_LOOP_STALL_LIMIT", "1s", "PT1S", "61s", "PT1M1S"));

    /** The version goes into a header: neither a CR/LF nor more than 64 characters gets there. */
    private static final String VERSION_LINE =
            "monsterstack.version (MONSTERSTACK_VERSION) must be 1 to 64 printable ASCII characters (no CR/LF)";

    @Test
    void valuesBelowTheRangesAndBadTextsStopStartUp() throws Exception {
        List<Bad> cases = new ArrayList<>(RANGES.stream().map(Ranged::below).toList());
        cases.addAll(List.of(
                new Bad("MONSTERSTACK_VERSION", "1.0\r\nX-Injected: yes", VERSION_LINE),
                new Bad("REDIS_DOMAIN", "a!b", "monsterstack.redis.domain (REDIS_DOMAIN) must be a host name or IPv4 address"),
                new Bad("IMAGEBACKEND_DOMAIN", "a/b",
                        "monsterstack.imagebackend.domain (IMAGEBACKEND_DOMAIN) must be a host name or IPv4 address"),
                new Bad("CONTEXT", "dev", "monsterstack.context (CONTEXT) must be DEV or PROD"),
                new Bad("MONSTERSTACK_TITLE", "a\tb",
                        "monsterstack.title (MONSTERSTACK_TITLE) must be 1 to 100 characters, no control characters"),
                new Bad("MONSTERSTACK_DEFAULT_NAME", "n".repeat(65),
                        "monsterstack.default-name (MONSTERSTACK_DEFAULT_NAME) must be 1 to 64 characters"),
                new Bad("MONSTERSTACK_SALT", "s".repeat(257),
                        "monsterstack.salt (MONSTERSTACK_SALT) must be at most 256 characters")));
        assertRefused(cases);
    }

    @Test
    void valuesAboveTheRangesStopStartUp() throws Exception {
        List<Bad> cases = new ArrayList<>(RANGES.stream().map(Ranged::above).toList());
        cases.add(new Bad("MONSTERSTACK_VERSION", "v".repeat(65), VERSION_LINE));
        assertRefused(cases);
    }

    @Test
    void lowestAllowedValuesStart() throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("CONTEXT", "DEV", "MONSTERSTACK_TITLE", "M",
                "MONSTERSTACK_VERSION", "1", "MONSTERSTACK_DEFAULT_NAME", "J"));
        RANGES.forEach(ranged -> values.put(ranged.variable(), ranged.setting().min()));
        // Port 1 is not this test's to listen on: the free one ServiceProcess picks stays.
        values.remove("MANAGEMENT_PORT");
        try (Started started = new Started(values)) {
            // Nothing listens on port 1: Redis is down, as data. The 10 ms backend limits may fail the
            // backend's probe on a loaded machine, so its state is not asked.
            JsonPath healthz = started.healthz();
            assertEquals("DOWN", healthz.getString("redis"), healthz.prettyPrint());
            RawHttp.Answer page = RawHttp.get(started.frontend.port(), "/", Duration.ofSeconds(5));
            assertEquals(200, page.status(), page.text());
            assertTrue(page.text().contains("\r\nX-MonsterStack-Version: 1\r\n"), page.text());
            assertTrue(page.body().contains("<title>M</title>") && page.body().contains("value=\"J\""), page.body());
            assertTrue(page.body().contains("counter disabled"), page.body());
            // CONTEXT=DEV: io.monsterstack at debug level, with thread names.
            assertTrue(started.frontend.log().lines().anyMatch(line -> line.matches(
                    ".* DEBUG +\\[io\\.mon\\.fro\\.hea\\.Checks\\] \\(.+\\) redis is down: .*")), started.frontend.log());
        }
    }

    @Test
    void highestAllowedValuesStartAndReachTheQuarkusKeys() throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("MONSTERSTACK_TITLE", "T".repeat(100),
                "MONSTERSTACK_VERSION", "v".repeat(64), "MONSTERSTACK_DEFAULT_NAME", "n".repeat(64),
                "MONSTERSTACK_SALT", "s".repeat(256)));
        RANGES.forEach(ranged -> values.put(ranged.variable(), ranged.setting().max()));
        // 100000 warm-up requests would outlast the start limit; the default's are sent. Port 65535
        // may be another process's: the free one ServiceProcess picks stays.
        values.remove("WARM_UP_REQUESTS");
        values.remove("MANAGEMENT_PORT");
        try (Started started = new Started(values)) {
            // IMAGEBACKEND_DOMAIN and IMAGEBACKEND_PORT go through FrontendConfig into the REST client's URL.
            JsonPath healthz = started.healthz();
            assertEquals("UP", healthz.getString("imagebackend"), healthz.prettyPrint());
            RawHttp.Answer monster = RawHttp.get(started.frontend.port(), "/monster/" + "a".repeat(256), Duration.ofSeconds(5));
            assertEquals(200, monster.status(), monster.text());
            assertTrue(started.asked.contains("/monster/" + "a".repeat(256) + "?size=1024"), "MONSTER_SIZE reaches the backend: " + started.asked);
        }
    }

    /** Starts the jar with the bad values; it must exit non-zero soon, with exactly one plain line per variable. */
    private static void assertRefused(List<Bad> cases) throws InterruptedException {
        Path log = Path.of("target", "config-validation-" + cases.hashCode() + ".log");
        try (ServiceProcess frontend = ServiceProcess.jar(FrontendJar.PATH)
                .env(cases.stream().collect(Collectors.toMap(Bad::variable, Bad::value))).log(log).start()) {
            assertTrue(frontend.awaitExit(START_LIMIT), "start-up must give up, not hang: " + frontend.log());
            String output = frontend.log();
            assertNotEquals(0, frontend.exitValue(), output);
            List<String> lines = output.lines().toList();
            for (Bad bad : cases) {
                assertEquals(1, lines.stream().filter(line -> line.equals("\t" + bad.line())).count(),
                        "one line for " + bad.variable() + " in:\n" + output);
            }
            assertFalse(output.contains("\tat "), "no stack trace: " + output);
            assertFalse(output.contains("X-Injected"), "the value with CR/LF is not echoed: " + output);
            // The problems, Quarkus' heading and Hibernate Validator's two-line version notice.
            assertTrue(lines.size() <= cases.size() + 3, "nothing else is printed: " + output);
        }
    }

    /**
     * The jar started with the values, pointed at a stand-in backend that records what it is asked
     * and answers every monster with a blank 12 px PNG (readiness wants a real one).
     */
    private static final class Started implements AutoCloseable {

        private final HttpServer backend;
        private final Queue<String> asked = new ConcurrentLinkedQueue<>();
        private final ServiceProcess frontend;

        Started(Map<String, String> values) throws IOException {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(12, 12, BufferedImage.TYPE_INT_ARGB), "png", png);
            backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            backend.createContext("/", exchange -> {
                asked.add(exchange.getRequestURI().toString());
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, png.size());
                exchange.getResponseBody().write(png.toByteArray());
                exchange.close();
            });
            backend.start();
            Map<String, String> environment = new HashMap<>(values);
            environment.put("IMAGEBACKEND_DOMAIN", "127.0.0.1");
            environment.put("IMAGEBACKEND_PORT", Integer.toString(backend.getAddress().getPort()));
            frontend = ServiceProcess.jar(FrontendJar.PATH).env(environment)
                    .log(Path.of("target", "config-validation-start-" + values.hashCode() + ".log"))
                    .startListening(START_LIMIT);
        }

        /** /healthz once it is 200 (503 until the replica has warmed itself up), within the start limit. */
        JsonPath healthz() {
            return JsonPath.from(RawHttp.await(frontend.url("/healthz"), 200, START_LIMIT).body());
        }

        @Override
        public void close() throws InterruptedException {
            // Killed: the shutdown settings under test may hold a graceful stop for a minute.
            frontend.kill();
            backend.stop(0);
        }
    }
}
