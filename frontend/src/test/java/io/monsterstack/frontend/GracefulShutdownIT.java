package io.monsterstack.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The packaged frontend on SIGTERM: readiness 503 for SHUTDOWN_DELAY while pages are still served, then exit. */
class GracefulShutdownIT {

    private final RedisServer redis = new RedisServer();
    private final FakeImageBackend backend = new FakeImageBackend();
    private final HttpClient client = HttpClient.newHttpClient();
    private Process frontend;

    @AfterEach
    void stopEverything() {
        Processes.stop(frontend);
        backend.stop();
        redis.stop();
    }

    @Test
    void readinessGoesDownOnSigtermWhilePagesAreStillServed() throws IOException, InterruptedException {
        redis.init(Map.of());
        backend.init(Map.of());
        Map<String, String> config = new HashMap<>(redis.start());
        config.putAll(backend.start());
        int port = Processes.freePort();
        int managementPort = Processes.freePort();
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("quarkus.management.port", Integer.toString(managementPort));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "graceful-shutdown-it.log").toFile());
        builder.environment().put("SHUTDOWN_DELAY", "5s");
        frontend = builder.start();
        Processes.awaitPort(port, Duration.ofSeconds(30), frontend);
        URI site = URI.create("http://127.0.0.1:" + port);
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        Processes.awaitOk(ready, Duration.ofSeconds(30));

        frontend.destroy(); // SIGTERM, as docker stop and Swarm send
        assertTrue(readinessTurns503(ready),
                "readiness answers 503 after SIGTERM: " + Files.readString(Path.of("target", "graceful-shutdown-it.log")));
        assertEquals(200, status(site.resolve("/")), "pages are still served during the delay");
        assertTrue(frontend.waitFor(20, TimeUnit.SECONDS), "the process exits after the delay");
    }

    // Polls until 503; false if the server stops answering (or keeps saying 200) first.
    private boolean readinessTurns503(URI ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (status(ready) == 503) {
                    return true;
                }
            } catch (IOException refused) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return false;
    }

    private int status(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
