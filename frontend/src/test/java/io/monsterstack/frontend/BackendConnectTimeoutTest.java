package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.monsterstack.testsupport.RawHttp;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * A backend whose connections time out costs one connect timeout, not two: a timed-out connect is
 * not retried, so that every answer is written before the server closes a silent connection (5 s);
 * and /healthz, whose backend probe gives up after 1 s, still answers within the healthcheck's 2 s.
 */
@QuarkusTest
@WithTestResource(RedisServer.class)
@WithTestResource(BackendConnectTimeoutTest.FullBacklog.class)
class BackendConnectTimeoutTest {

    static final int CONNECT_TIMEOUT_MS = 1500;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aTimedOutConnectIsNotRetried() {
        // A first monster loads the classes of the path, which takes a second on a busy machine.
        given().when().get("/monster/warm-up").then().statusCode(503);
        long start = System.nanoTime();
        given().when().get("/monster/never-connected").then().statusCode(503);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("connect timeout %d ms: 503 after %d ms%n", CONNECT_TIMEOUT_MS, millis);
        assertTrue(millis >= CONNECT_TIMEOUT_MS, "answered before the connect timed out: " + millis + " ms");
        assertTrue(millis < 2 * CONNECT_TIMEOUT_MS - 500, "the connect was tried twice: " + millis + " ms");
    }

    @Test
    void healthzStillAnswersWhileBackendConnectsHang() {
        // A first answer loads the classes of the path, which takes a second on a busy machine.
        given().when().get("/healthz").then().statusCode(200);
        RawHttp.Answer answer = RawHttp.get(root.getPort(), "/healthz", Duration.ofSeconds(2));
        System.out.printf("/healthz with backend connects hanging: %s%n", answer);
        assertEquals(200, answer.status(), answer.text());
        assertEquals("DOWN", JsonPath.from(answer.body()).getString("imagebackend"));
    }

    /** A server on loopback that never accepts, its accept queue full: a new connection's SYN is dropped. */
    public static class FullBacklog implements QuarkusTestResourceLifecycleManager {

        private ServerSocket server;
        private final List<Socket> queued = new ArrayList<>();

        @Override
        public Map<String, String> start() {
            try {
                server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                // Fill the queue until a connect times out (bounded: a queue holds a couple at most).
                for (int i = 0; i < 10; i++) {
                    Socket socket = new Socket();
                    queued.add(socket);
                    try {
                        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
                    } catch (IOException full) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("quarkus.rest-client.imagebackend.url", "http://127.0.0.1:" + server.getLocalPort(),
                    "quarkus.rest-client.imagebackend.connect-timeout", Integer.toString(CONNECT_TIMEOUT_MS));
        }

        @Override
        public void stop() {
            try {
                for (Socket socket : queued) {
                    socket.close();
                }
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
