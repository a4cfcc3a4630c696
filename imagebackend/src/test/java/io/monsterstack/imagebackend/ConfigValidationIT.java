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

import io.monsterstack.service.ManagementPortConfig;
import io.monsterstack.service.ShutdownConfig;
import io.monsterstack.service.health.EventLoopConfig;
import io.monsterstack.service.health.WarmUpConfig;
import io.monsterstack.testsupport.ConfigurationDoc;
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

    private static final Class<?>[] MAPPINGS = {MonsterConfig.class, ShutdownConfig.class, ManagementPortConfig.class,
        WarmUpConfig.class, EventLoopConfig.class};

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1    | 0    | 1s  | PT1S",
        "0     | 255  | 0s  | PT0S",
        "5     | 1025 | 61s | PT1M1S",
        "99999 | -1   | -1s | PT-1S",
    })
    void limitsOutOfRangeStopStartUp(String maxSize, String maxNameLength, String stallLimit, String stallRead)
            throws InterruptedException {
        assertRefused(Map.of("MONSTER_MAX_SIZE", maxSize, "MONSTER_MAX_NAME_LENGTH", maxNameLength, "EVENT_LOOP_STALL_LIMIT", stallLimit),
                refusal("MONSTER_MAX_SIZE", maxSize), refusal("MONSTER_MAX_NAME_LENGTH", maxNameLength),
                refusal("EVENT_LOOP_STALL_LIMIT", stallRead));
    }

    @Test
    void theSettingsItSharesWithTheFrontendAreCheckedToo() throws InterruptedException {
        assertRefused(Map.of("SHUTDOWN_DELAY", "31s", "SHUTDOWN_TIMEOUT", "-1s", "WARM_UP_MAX_DURATION", "121s",
                        "MANAGEMENT_PORT", "0"),
                refusal("SHUTDOWN_DELAY", "PT31S"), refusal("SHUTDOWN_TIMEOUT", "PT-1S"),
                refusal("WARM_UP_MAX_DURATION", "PT2M1S"), refusal("MANAGEMENT_PORT", "0"));
    }

    /** The line for a variable's value out of its range (read as the line writes it), the range from the mappings' annotations. */
    private static String refusal(String variable, String read) {
        return ConfigurationDoc.setting(variable, MAPPINGS).refusal(read);
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
