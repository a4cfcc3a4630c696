package io.monsterstack.imagebackend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.monsterstack.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged backend refuses limits out of range at start with one line per variable, and the
 * largest allowed size renders under the image's own JVM options (a 32 MB heap).
 */
class ConfigValidationIT {

    // Generous, for a loaded CI machine: an idle one starts or refuses in about 2 s.
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path PROPERTIES = Path.of("src", "main", "resources", "application.properties");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1    | 0    | 1s  | -1; allowed: 1024 to 2048    | 0; allowed: 256 to 1024    | PT1S; allowed: 2s to 60s",
        "0     | 255  | 0s  | 0; allowed: 1024 to 2048     | 255; allowed: 256 to 1024  | PT0S; allowed: 2s to 60s",
        "5     | 1025 | 61s | 5; allowed: 1024 to 2048     | 1025; allowed: 256 to 1024 | PT1M1S; allowed: 2s to 60s",
        "99999 | -1   | -1s | 99999; allowed: 1024 to 2048 | -1; allowed: 256 to 1024   | PT-1S; allowed: 2s to 60s",
    })
    void limitsOutOfRangeStopStartUp(String maxSize, String maxNameLength, String stallLimit, String sizeLine,
            String nameLine, String stallLine) throws InterruptedException {
        assertRefused(Map.of("MONSTER_MAX_SIZE", maxSize, "MONSTER_MAX_NAME_LENGTH", maxNameLength, "EVENT_LOOP_STALL_LIMIT", stallLimit),
                "monster.max-size (MONSTER_MAX_SIZE) is " + sizeLine,
                "monster.max-name-length (MONSTER_MAX_NAME_LENGTH) is " + nameLine,
                "monsterstack.event-loops.stall-limit (EVENT_LOOP_STALL_LIMIT) is " + stallLine);
    }

    @Test
    void theSettingsItSharesWithTheFrontendAreCheckedToo() throws InterruptedException {
        assertRefused(Map.of("SHUTDOWN_DELAY", "31s", "SHUTDOWN_TIMEOUT", "-1s", "WARM_UP_MAX_DURATION", "121s",
                        "MANAGEMENT_PORT", "0"),
                "monsterstack.shutdown.delay (SHUTDOWN_DELAY) is PT31S; allowed: 0s to 30s",
                "monsterstack.shutdown.timeout (SHUTDOWN_TIMEOUT) is PT-1S; allowed: 0s to 60s",
                "monsterstack.warm-up.max-duration (WARM_UP_MAX_DURATION) is PT2M1S; allowed: 1s to 120s",
                "monsterstack.management.port (MANAGEMENT_PORT) is 0; allowed: 1 to 65535");
    }

    /** Starts the jar with the variables; it must exit non-zero soon, printing exactly these lines and a heading. */
    private static void assertRefused(Map<String, String> variables, String... problems) throws InterruptedException {
        try (ServiceProcess backend = ServiceProcess.jar(JAR).env(variables)
                .log(Path.of("target", "config-validation-" + variables.hashCode() + ".log")).start()) {
            assertTrue(backend.awaitExit(START_LIMIT), "start-up must give up, not hang: " + backend.log());
            String output = backend.log();
            assertNotEquals(0, backend.exitValue(), output);
            List<String> lines = output.lines().toList();
            for (String problem : problems) {
                assertTrue(lines.contains("\t" + problem), output);
            }
            assertFalse(output.contains("\tat "), "no stack trace: " + output);
            // The problems, Quarkus' heading and Hibernate Validator's two-line version notice.
            assertTrue(lines.size() <= problems.length + 3, "nothing else is printed: " + output);
        }
    }

    @Test
    void largestAllowedSizeRendersConcurrentlyUnderTheImageHeap() throws Exception {
        try (ServiceProcess backend = ServiceProcess.jar(JAR).imageJvmOptions(PROPERTIES)
                .env(Map.of("MONSTER_MAX_SIZE", "2048", "MONSTER_MAX_NAME_LENGTH", "1024"))
                .log(Path.of("target", "config-validation-largest.log")).startListening(START_LIMIT)) {
            // HTTP/1.1 as the frontend speaks it (the default would try an h2c upgrade on every request).
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                responses.add(client.sendAsync(HttpRequest.newBuilder(backend.url("/monster/" + "n".repeat(1000) + i + "?size=2048")).build(),
                        HttpResponse.BodyHandlers.ofByteArray()));
            }
            for (CompletableFuture<HttpResponse<byte[]>> response : responses) {
                HttpResponse<byte[]> png = response.get(60, TimeUnit.SECONDS);
                assertEquals(200, png.statusCode());
                PngAssertions.assertStrictIndexedPng(png.body(), 2048);
            }
            assertEquals(400, client.send(HttpRequest.newBuilder(backend.url("/monster/a?size=2049")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertTrue(backend.alive(), backend.log());
        }
    }
}
