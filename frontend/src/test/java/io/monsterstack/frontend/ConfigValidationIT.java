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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
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

    @Test
    void oneSideOfEachRangeStopsStartUp() throws Exception {
        assertRefused(List.of(
                new Bad("REDIS_TIMEOUT", "0", "monsterstack.redis-timeout (REDIS_TIMEOUT) is PT0S; allowed: 10ms to 1s"),
                new Bad("IMAGEBACKEND_CONNECT_TIMEOUT_MS", "-1", "monsterstack.imagebackend.connect-timeout-ms"
                        + " (IMAGEBACKEND_CONNECT_TIMEOUT_MS) is -1; allowed: 10 to 500"),
                new Bad("IMAGEBACKEND_POOL_SIZE", "0",
                        "monsterstack.imagebackend.pool-size (IMAGEBACKEND_POOL_SIZE) is 0; allowed: 1 to 256"),
                new Bad("MONSTER_CACHE_MAX_BYTES", "-5",
                        "monsterstack.cache-max-bytes (MONSTER_CACHE_MAX_BYTES) is -5; allowed: 0 to 25165824"),
                new Bad("MONSTER_REDIS_TTL", "PT0S", "monsterstack.redis-ttl (MONSTER_REDIS_TTL) is PT0S; allowed: 1s to 365d"),
                new Bad("MONSTER_SIZE", "-1", "monsterstack.monster-size (MONSTER_SIZE) is -1; allowed: 12 to 1024"),
                new Bad("MONSTER_NAME_MAX_LENGTH", "0",
                        "monsterstack.name-max-length (MONSTER_NAME_MAX_LENGTH) is 0; allowed: 64 to 256"),
                new Bad("MONSTERSTACK_VERSION", "1.0\r\nX-Injected: yes", "monsterstack.version (MONSTERSTACK_VERSION)"
                        + " must be 1 to 64 printable ASCII characters (no CR/LF)"),
                new Bad("IMAGEBACKEND_READ_TIMEOUT_MS", "0", "monsterstack.imagebackend.read-timeout-ms"
                        + " (IMAGEBACKEND_READ_TIMEOUT_MS) is 0; allowed: 10 to 2000"),
                new Bad("RETRY_AFTER_SECONDS", "-1",
                        "monsterstack.retry-after-seconds (RETRY_AFTER_SECONDS) is -1; allowed: 1 to 3600"),
                new Bad("REDIS_PORT", "0", "monsterstack.redis.port (REDIS_PORT) is 0; allowed: 1 to 65535"),
                new Bad("REDIS_POOL_SIZE", "0", "monsterstack.redis.pool-size (REDIS_POOL_SIZE) is 0; allowed: 1 to 256"),
                new Bad("REDIS_CONNECT_TIMEOUT", "0s",
                        "monsterstack.redis.connect-timeout (REDIS_CONNECT_TIMEOUT) is PT0S; allowed: 10ms to 5s"),
                new Bad("REDIS_DOMAIN", "a!b", "monsterstack.redis.domain (REDIS_DOMAIN) must be a host name or IPv4 address"),
                new Bad("IMAGEBACKEND_DOMAIN", "a/b",
                        "monsterstack.imagebackend.domain (IMAGEBACKEND_DOMAIN) must be a host name or IPv4 address"),
                new Bad("IMAGEBACKEND_PORT", "0", "monsterstack.imagebackend.port (IMAGEBACKEND_PORT) is 0; allowed: 1 to 65535"),
                new Bad("DNS_CACHE_MAX_TTL_SECONDS", "-1",
                        "monsterstack.dns-cache-max-ttl-seconds (DNS_CACHE_MAX_TTL_SECONDS) is -1; allowed: 0 to 60"),
                new Bad("SHUTDOWN_DELAY", "-1s", "monsterstack.shutdown.delay (SHUTDOWN_DELAY) is PT-1S; allowed: 0s to 30s"),
                new Bad("SHUTDOWN_TIMEOUT", "-1s",
                        "monsterstack.shutdown.timeout (SHUTDOWN_TIMEOUT) is PT-1S; allowed: 0s to 60s"),
                new Bad("WARM_UP_REQUESTS", "-1",
                        "monsterstack.warm-up.requests (WARM_UP_REQUESTS) is -1; allowed: 0 (off) to 100000"),
                new Bad("WARM_UP_MAX_DURATION", "0s",
                        "monsterstack.warm-up.max-duration (WARM_UP_MAX_DURATION) is PT0S; allowed: 1s to 120s"),
                new Bad("EVENT_LOOP_STALL_LIMIT", "1s",
                        "monsterstack.event-loops.stall-limit (EVENT_LOOP_STALL_LIMIT) is PT1S; allowed: 2s to 60s"),
                new Bad("CONTEXT", "dev", "monsterstack.context (CONTEXT) must be DEV or PROD"),
                new Bad("MONSTERSTACK_TITLE", "a\tb",
                        "monsterstack.title (MONSTERSTACK_TITLE) must be 1 to 100 characters, no control characters"),
                new Bad("MONSTERSTACK_DEFAULT_NAME", "n".repeat(65),
                        "monsterstack.default-name (MONSTERSTACK_DEFAULT_NAME) must be 1 to 64 characters"),
                new Bad("MONSTERSTACK_SALT", "s".repeat(257),
                        "monsterstack.salt (MONSTERSTACK_SALT) must be at most 256 characters")));
    }

    @Test
    void theOtherSideOfEachRangeStopsStartUp() throws Exception {
        assertRefused(List.of(
                new Bad("REDIS_TIMEOUT", "-1", "monsterstack.redis-timeout (REDIS_TIMEOUT) is PT-1S; allowed: 10ms to 1s"),
                new Bad("MONSTER_REDIS_TTL", "-P1D",
                        "monsterstack.redis-ttl (MONSTER_REDIS_TTL) is PT-24H; allowed: 1s to 365d"),
                new Bad("IMAGEBACKEND_POOL_SIZE", "-1",
                        "monsterstack.imagebackend.pool-size (IMAGEBACKEND_POOL_SIZE) is -1; allowed: 1 to 256"),
                new Bad("MONSTER_SIZE", "5000", "monsterstack.monster-size (MONSTER_SIZE) is 5000; allowed: 12 to 1024"),
                new Bad("MONSTER_NAME_MAX_LENGTH", "-1",
                        "monsterstack.name-max-length (MONSTER_NAME_MAX_LENGTH) is -1; allowed: 64 to 256"),
                new Bad("IMAGEBACKEND_READ_TIMEOUT_MS", "2001", "monsterstack.imagebackend.read-timeout-ms"
                        + " (IMAGEBACKEND_READ_TIMEOUT_MS) is 2001; allowed: 10 to 2000"),
                new Bad("IMAGEBACKEND_CONNECT_TIMEOUT_MS", "501", "monsterstack.imagebackend.connect-timeout-ms"
                        + " (IMAGEBACKEND_CONNECT_TIMEOUT_MS) is 501; allowed: 10 to 500"),
                new Bad("MONSTER_CACHE_MAX_BYTES", "25165825",
                        "monsterstack.cache-max-bytes (MONSTER_CACHE_MAX_BYTES) is 25165825; allowed: 0 to 25165824"),
                new Bad("RETRY_AFTER_SECONDS", "3601",
                        "monsterstack.retry-after-seconds (RETRY_AFTER_SECONDS) is 3601; allowed: 1 to 3600"),
                new Bad("REDIS_PORT", "65536", "monsterstack.redis.port (REDIS_PORT) is 65536; allowed: 1 to 65535"),
                new Bad("REDIS_POOL_SIZE", "257", "monsterstack.redis.pool-size (REDIS_POOL_SIZE) is 257; allowed: 1 to 256"),
                new Bad("REDIS_CONNECT_TIMEOUT", "6s",
                        "monsterstack.redis.connect-timeout (REDIS_CONNECT_TIMEOUT) is PT6S; allowed: 10ms to 5s"),
                new Bad("DNS_CACHE_MAX_TTL_SECONDS", "61",
                        "monsterstack.dns-cache-max-ttl-seconds (DNS_CACHE_MAX_TTL_SECONDS) is 61; allowed: 0 to 60"),
                new Bad("SHUTDOWN_DELAY", "31s", "monsterstack.shutdown.delay (SHUTDOWN_DELAY) is PT31S; allowed: 0s to 30s"),
                new Bad("SHUTDOWN_TIMEOUT", "61s",
                        "monsterstack.shutdown.timeout (SHUTDOWN_TIMEOUT) is PT1M1S; allowed: 0s to 60s"),
                new Bad("WARM_UP_REQUESTS", "100001",
                        "monsterstack.warm-up.requests (WARM_UP_REQUESTS) is 100001; allowed: 0 (off) to 100000"),
                new Bad("WARM_UP_MAX_DURATION", "121s",
                        "monsterstack.warm-up.max-duration (WARM_UP_MAX_DURATION) is PT2M1S; allowed: 1s to 120s"),
                new Bad("EVENT_LOOP_STALL_LIMIT", "61s",
                        "monsterstack.event-loops.stall-limit (EVENT_LOOP_STALL_LIMIT) is PT1M1S; allowed: 2s to 60s"),
                new Bad("MONSTERSTACK_VERSION", "v".repeat(65), "monsterstack.version (MONSTERSTACK_VERSION)"
                        + " must be 1 to 64 printable ASCII characters (no CR/LF)")));
    }

    @Test
    void lowestAllowedValuesStart() throws Exception {
        try (Started started = new Started(Map.ofEntries(
                Map.entry("CONTEXT", "DEV"),
                Map.entry("REDIS_TIMEOUT", "10ms"),
                Map.entry("REDIS_PORT", "1"),
                Map.entry("REDIS_POOL_SIZE", "1"),
                Map.entry("REDIS_CONNECT_TIMEOUT", "10ms"),
                Map.entry("IMAGEBACKEND_CONNECT_TIMEOUT_MS", "10"),
                Map.entry("IMAGEBACKEND_READ_TIMEOUT_MS", "10"),
                Map.entry("IMAGEBACKEND_POOL_SIZE", "1"),
                Map.entry("MONSTER_SIZE", "12"),
                Map.entry("MONSTER_NAME_MAX_LENGTH", "64"),
                Map.entry("MONSTER_CACHE_MAX_BYTES", "0"),
                Map.entry("MONSTER_REDIS_TTL", "1s"),
                Map.entry("RETRY_AFTER_SECONDS", "1"),
                Map.entry("DNS_CACHE_MAX_TTL_SECONDS", "0"),
                Map.entry("SHUTDOWN_DELAY", "0s"),
                Map.entry("SHUTDOWN_TIMEOUT", "0s"),
                Map.entry("WARM_UP_REQUESTS", "0"),
                Map.entry("WARM_UP_MAX_DURATION", "1s"),
                Map.entry("EVENT_LOOP_STALL_LIMIT", "2s"),
                Map.entry("MONSTERSTACK_TITLE", "M"),
                Map.entry("MONSTERSTACK_VERSION", "1"),
                Map.entry("MONSTERSTACK_DEFAULT_NAME", "J")))) {
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
        try (Started started = new Started(Map.ofEntries(
                Map.entry("REDIS_TIMEOUT", "1s"),
                Map.entry("REDIS_PORT", "65535"),
                Map.entry("REDIS_POOL_SIZE", "256"),
                Map.entry("REDIS_CONNECT_TIMEOUT", "5s"),
                Map.entry("IMAGEBACKEND_CONNECT_TIMEOUT_MS", "500"),
                Map.entry("IMAGEBACKEND_READ_TIMEOUT_MS", "2000"),
                Map.entry("IMAGEBACKEND_POOL_SIZE", "256"),
                Map.entry("MONSTER_SIZE", "1024"),
                Map.entry("MONSTER_NAME_MAX_LENGTH", "256"),
                Map.entry("MONSTER_CACHE_MAX_BYTES", "25165824"),
                Map.entry("MONSTER_REDIS_TTL", "365d"),
                Map.entry("RETRY_AFTER_SECONDS", "3600"),
                Map.entry("DNS_CACHE_MAX_TTL_SECONDS", "60"),
                Map.entry("SHUTDOWN_DELAY", "30s"),
                Map.entry("SHUTDOWN_TIMEOUT", "60s"),
                Map.entry("WARM_UP_MAX_DURATION", "120s"),
                Map.entry("EVENT_LOOP_STALL_LIMIT", "60s"),
                Map.entry("MONSTERSTACK_TITLE", "T".repeat(100)),
                Map.entry("MONSTERSTACK_VERSION", "v".repeat(64)),
                Map.entry("MONSTERSTACK_DEFAULT_NAME", "n".repeat(64)),
                Map.entry("MONSTERSTACK_SALT", "s".repeat(256))))) {
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
        Path log = Path.of("target", "config-validation-" + cases.get(0).value().hashCode() + ".log");
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
