package io.monsterstack.drills.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load against a real HTTP server: what it sends, what it reuses, what it counts. */
class LoadTest {

    private HttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();
    private volatile int status = 200;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void sendsEveryKindOnKeptAliveAndNewConnectionsAndReadsWholeAnswers() throws Exception {
        List<LoadSecond> seconds = new ArrayList<>();
        Load load = new Load(100, List.of(base()), seconds::add);
        load.start();
        Thread.sleep(2_000);
        LoadFigures figures = load.stop();

        assertTrue(figures.requests() >= 190 && figures.requests() <= 210, "about 100 a second for 2 s: " + figures.line());
        assertEquals(0, figures.failed(), figures.line());
        assertEquals(Map.of(200, figures.requests()), figures.statuses());
        assertTrue(Math.abs(figures.keepAlive() - figures.newConnections()) <= 4, "half on new connections: " + figures.line());
        // Every new-connection request opens one; the kept-alive half shares a few.
        assertTrue(clientPorts.size() >= figures.newConnections() && clientPorts.size() < figures.newConnections() + 40,
                clientPorts.size() + " connections for " + figures.line());
        for (String kind : List.of("GET /", "POST /", "GET /monster/load-cached")) {
            assertTrue(requests.getOrDefault(kind, 0) >= figures.requests() / 4 - 1, kind + ": " + requests);
        }
        assertTrue(requests.keySet().stream().filter(key -> key.startsWith("GET /monster/load-") && !key.endsWith("cached")).count()
                >= figures.requests() / 4 - 1, "a never-seen monster each time: " + requests.keySet());
        assertTrue(seconds.stream().anyMatch(second -> second.line().contains("versions=7.0:100%")), seconds.toString());
    }

    @Test
    void countsEveryNon2xxAnswerAsFailed() throws Exception {
        status = 503;
        Load load = new Load(50, List.of(base()), null);
        load.start();
        Thread.sleep(1_000);
        LoadFigures figures = load.stop();

        assertTrue(figures.requests() > 0);
        assertEquals(figures.requests(), figures.failed(), figures.line());
        assertEquals(Set.of(503), figures.statuses().keySet());
    }

    @Test
    void countsARefusedConnectionAsFailedWithoutRetrying() throws Exception {
        URI gone = base();
        server.stop(0);
        Load load = new Load(50, List.of(gone), null);
        load.start();
        Thread.sleep(1_000);
        LoadFigures figures = load.stop();

        assertTrue(figures.requests() > 0);
        assertEquals(figures.requests(), figures.failed(), figures.line());
        assertEquals(Set.of(0), figures.statuses().keySet());
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        requests.merge(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), 1, Integer::sum);
        exchange.getRequestBody().readAllBytes();
        byte[] body = "<title>load</title>".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("X-MonsterStack-Version", "7.0");
        boolean chunked = exchange.getRequestURI().getPath().startsWith("/monster/");
        // Content-Length on some answers, chunks on the others: the connection is reused after both.
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
