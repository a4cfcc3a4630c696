package io.monsterstack.imagebackend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged backend refuses limits out of range at start with one line per variable, and the
 * largest allowed size renders under the image's own JVM options (a 32 MB heap).
 */
class ConfigValidationIT {

    // Generous, for a loaded CI machine: an idle one starts or refuses in about 2 s.
    private static final long START_LIMIT_SECONDS = 120;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1    | 0    | -1; allowed: 1024 to 2048    | 0; allowed: 256 to 1024",
        "0     | 255  | 0; allowed: 1024 to 2048     | 255; allowed: 256 to 1024",
        "5     | 1025 | 5; allowed: 1024 to 2048     | 1025; allowed: 256 to 1024",
        "99999 | -1   | 99999; allowed: 1024 to 2048 | -1; allowed: 256 to 1024",
    })
    void limitsOutOfRangeStopStartUp(String maxSize, String maxNameLength, String sizeLine, String nameLine)
            throws IOException, InterruptedException {
        Path log = Path.of("target", "config-validation-" + maxSize + ".log");
        Process process = start(Map.of("MONSTER_MAX_SIZE", maxSize, "MONSTER_MAX_NAME_LENGTH", maxNameLength),
                List.of(), 0, log);
        boolean exited = process.waitFor(START_LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(exited, "start-up must give up, not hang: " + output);
        assertNotEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertTrue(lines.contains("\tmonster.max-size (MONSTER_MAX_SIZE) is " + sizeLine), output);
        assertTrue(lines.contains("\tmonster.max-name-length (MONSTER_MAX_NAME_LENGTH) is " + nameLine), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
        // The two problems, Quarkus' heading and Hibernate Validator's two-line version notice.
        assertTrue(lines.size() <= 5, "nothing else is printed: " + output);
    }

    @Test
    void largestAllowedSizeRendersConcurrentlyUnderTheImageHeap() throws Exception {
        int port = freePort();
        Path log = Path.of("target", "config-validation-largest.log");
        Process process = start(Map.of("MONSTER_MAX_SIZE", "2048", "MONSTER_MAX_NAME_LENGTH", "1024"), imageJvmOptions(),
                port, log);
        try {
            awaitPort(port, process, log);
            // HTTP/1.1 as the frontend speaks it (the default would try an h2c upgrade on every request).
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                responses.add(client.sendAsync(request(port, "/monster/" + "n".repeat(1000) + i + "?size=2048"),
                        HttpResponse.BodyHandlers.ofByteArray()));
            }
            for (CompletableFuture<HttpResponse<byte[]>> response : responses) {
                HttpResponse<byte[]> png = response.get(60, TimeUnit.SECONDS);
                assertEquals(200, png.statusCode());
                PngAssertions.assertStrictIndexedPng(png.body(), 2048);
            }
            assertEquals(400, client.send(request(port, "/monster/a?size=2049"),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertTrue(process.isAlive(), Files.readString(log));
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    }

    /** The JVM options the container image runs with, from the same application.properties key Jib reads. */
    private static List<String> imageJvmOptions() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(in);
        }
        return Arrays.asList(properties.getProperty("quarkus.jib.jvm-additional-arguments").split(","));
    }

    private static Process start(Map<String, String> environment, List<String> jvmOptions, int port, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.management.port=0", "-jar",
                Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "exited before listening: " + Files.readString(log));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new AssertionError("nothing listens on " + port + ": " + Files.readString(log));
    }
}
