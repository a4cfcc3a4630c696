package io.monsterstack.drills.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import io.monsterstack.testsupport.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stack's edge (images/haproxy/haproxy.cfg, run by Debian's haproxy, the image's version) in
 * front of a task that closes a connection it has already answered on, unanswered, the next time
 * it is used: what a task's 5 s idle close does to a connection the edge reuses at that moment.
 * Kept-alive POSTs from one client (the load's own connection) must all be answered, each on a
 * task connection of its own.
 */
class EdgeProxyTest {

    private static final Path CONFIG = Path.of("../images/haproxy/haproxy.cfg");
    private static final Duration START = Duration.ofSeconds(10);
    private static final Duration ANSWER = Duration.ofSeconds(5);

    private final AtomicInteger taskConnections = new AtomicInteger();
    private final List<Socket> accepted = new ArrayList<>();
    private ServerSocket task;
    private HttpServer checks;
    private Path configFile;
    private Process edge;
    private int edgePort;

    @BeforeEach
    void startEdgeBeforeOneTask() throws Exception {
        task = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        daemon(this::acceptTaskConnections);
        checks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        checks.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        checks.start();
        edgePort = freePort();
        // The stack's file, its ports moved to free ones here; one server slot, so that the
        // client's next request meets the task connection its previous one used.
        String config = Files.readString(CONFIG);
        config = replaced(config, "bind :5000", "bind 127.0.0.1:" + edgePort);
        config = replaced(config, "bind :8404", "bind 127.0.0.1:" + freePort());
        config = replaced(config, "check port 9000", "check port " + checks.getAddress().getPort());
        config = replaced(config, "server-template task 16", "server-template task 1");
        configFile = Files.createTempFile("edge", ".cfg");
        Files.writeString(configFile, config);
        ProcessBuilder builder = new ProcessBuilder(haproxy(), "-db", "-f", configFile.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "edge-proxy-test.log").toFile());
        builder.environment().put("FRONTEND_ADDR", "127.0.0.1:" + task.getLocalPort());
        edge = builder.start();
        // It answers once its first check of the task has passed.
        RawHttp.await(URI.create("http://127.0.0.1:" + edgePort + "/"), 200, START);
    }

    @AfterEach
    void stop() throws IOException {
        if (edge != null) {
            edge.destroy();
        }
        checks.stop(0);
        task.close();
        Files.deleteIfExists(configFile);
        synchronized (accepted) {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void keptAlivePostsAreAllAnsweredEachOnATaskConnectionOfItsOwn() throws IOException {
        int before = taskConnections.get();
        byte[] post = ("POST / HTTP/1.1\r\nHost: edge\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 6\r\n\r\nname=a").getBytes(StandardCharsets.ISO_8859_1);
        try (HttpConnection client = new HttpConnection(URI.create("http://127.0.0.1:" + edgePort), ANSWER, ANSWER)) {
            for (int i = 1; i <= 3; i++) {
                HttpConnection.Answer answer = client.exchange(post);
                assertEquals(200, answer.status(), "POST " + i + " on one client connection");
                assertTrue(answer.reusable(), "the edge keeps the client's connection");
            }
        }
        assertEquals(3, taskConnections.get() - before, "task connections for three requests");
    }

    /** Answers a connection's first request, then closes it unanswered when a second one comes. */
    private void acceptTaskConnections() {
        while (!task.isClosed()) {
            try {
                Socket socket = task.accept();
                synchronized (accepted) {
                    accepted.add(socket);
                }
                taskConnections.incrementAndGet();
                daemon(() -> answerOnce(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void answerOnce(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            readRequest(in);
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            readRequest(in);
        } catch (IOException gone) {
            // the edge closed it: nothing to answer
        }
    }

    /** Reads a request's head and its Content-Length body. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.append((char) b);
        }
        int length = head.toString().lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(15).trim())).findFirst().orElse(0);
        in.readNBytes(length);
    }

    /** Debian's haproxy on the PATH (scripts/test.sh installs it and adds /usr/sbin). */
    private static String haproxy() {
        return Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, "haproxy")).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IllegalStateException("haproxy not on the PATH: run scripts/test.sh"))
                .toString();
    }

    /** The configuration with {@code line} changed, which it must hold once. */
    private static String replaced(String config, String line, String replacement) {
        assertEquals(1, config.split(Pattern.quote(line), -1).length - 1, "once in " + CONFIG + ": " + line);
        return config.replace(line, replacement);
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
