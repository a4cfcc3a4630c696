package io.monsterstack.frontend;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.HashMap;
import java.util.Map;

import io.monsterstack.testsupport.RawHttp;
import io.monsterstack.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged frontend on SIGTERM: readiness 503 for SHUTDOWN_DELAY while pages and static files are
 * still served, then exit.
 */
class GracefulShutdownIT {

    private static final Duration DELAY = Duration.ofSeconds(5);
    private static final Path STATIC_FILES = Path.of("src", "main", "resources", "static");

    private final RedisServer redis = new RedisServer();
    private final FakeImageBackend backend = new FakeImageBackend();
    private final HttpClient client = HttpClient.newHttpClient();
    private ServiceProcess frontend;

    @AfterEach
    void stopEverything() {
        if (frontend != null) {
            frontend.close();
        }
        backend.stop();
        redis.stop();
    }

    @Test
    void readinessGoesDownOnSigtermWhilePagesAndStaticFilesAreStillServed() throws IOException, InterruptedException {
        Map<String, String> config = new HashMap<>(redis.start());
        config.putAll(backend.start());
        frontend = ServiceProcess.jar(FrontendJar.PATH).config(config).env(Map.of("SHUTDOWN_DELAY", DELAY.toSeconds() + "s"))
                .log(Path.of("target", "graceful-shutdown-it.log")).startListening(Duration.ofSeconds(30));
        URI ready = frontend.managementUrl("/q/health/ready");
        RawHttp.await(ready, 200, Duration.ofSeconds(30));

        assertTrue(frontend.alive());
        long sigterm = System.nanoTime();
        frontend.terminate(Duration.ZERO); // SIGTERM, as docker stop and Swarm send
        // 503 at once, while the server still answers: a refused connection (an IOException, which
        // fails the wait) would mean that it stopped accepting first.
        await("readiness 503 after SIGTERM").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> status(ready) == 503);
        // Vert.x deletes its file cache in a JVM shutdown hook at once: asked over most of the delay,
        // the page's own favicon and stylesheet must still come back whole.
        int rounds = 0;
        do {
            rounds++;
            assertEquals(200, status(frontend.url("/")), "pages are still served during the delay");
            for (String file : new String[] {"favicon.svg", "css/monsterstack.css"}) {
                HttpResponse<byte[]> answer = get(frontend.url("/" + file));
                assertEquals(200, answer.statusCode(), "/" + file + " during the delay");
                assertArrayEquals(Files.readAllBytes(STATIC_FILES.resolve(file)), answer.body(), "/" + file);
            }
        } while (System.nanoTime() - sigterm < DELAY.toNanos() * 3 / 5);
        System.out.printf("page, favicon and stylesheet 200 in %d rounds during the delay%n", rounds);
        assertTrue(frontend.awaitExit(Duration.ofSeconds(20)), "the process exits after the delay");
    }

    private int status(URI uri) throws IOException, InterruptedException {
        return get(uri).statusCode();
    }

    private HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
