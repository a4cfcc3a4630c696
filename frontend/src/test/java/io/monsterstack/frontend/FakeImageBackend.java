package io.monsterstack.frontend;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.monsterstack.testsupport.ServiceProcess;

/**
 * A stand-in image backend whose behaviour is chosen by the monster name, so tests can make it
 * misbehave: {@code status-NNN-*} answers NNN, {@code garbage-*} sends text labelled image/png,
 * {@code flaky-*} fails its first call, {@code slow-*} answers after 300 ms, {@code stall-*} after 5 s,
 * {@code held-*} once {@code GET /release/<name>} is called (at most 10 s); any other name gets a square PNG. {@code GET /calls/<name>} tells how often a monster was asked for.
 * Like amouat/dnmonster it answers 404 on {@code /}. With {@code running=false} nothing listens on the
 * configured port; with {@code broken=true} it answers HTTP but every monster is a 500.
 */
public class FakeImageBackend extends SwitchableServer {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    @Override
    public Map<String, String> start() {
        try {
            int port = ServiceProcess.freePort();
            if (running()) {
                listen(new InetSocketAddress("127.0.0.1", port));
            }
            return Map.of(
                    "quarkus.rest-client.imagebackend.url", "http://127.0.0.1:" + port,
                    "quarkus.rest-client.imagebackend.read-timeout", "1000");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves on {@code address} until {@link #stop()}, for a test resource that runs several backends. */
    void listen(InetSocketAddress address) throws IOException {
        server = HttpServer.create(address, 128);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/calls/")) {
            int count = calls.getOrDefault(path.substring("/calls/".length()), new AtomicInteger()).get();
            send(exchange, 200, "text/plain", Integer.toString(count).getBytes(StandardCharsets.UTF_8));
        } else if (path.startsWith("/release/")) {
            release(path.substring("/release/".length())).countDown();
            send(exchange, 200, "text/plain", "released\n".getBytes(StandardCharsets.UTF_8));
        } else if (path.startsWith("/monster/")) {
            String name = path.substring("/monster/".length());
            int call = calls.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
            monster(exchange, argument("broken", "true") ? "status-500-broken" : name, call, size(exchange.getRequestURI().getQuery()));
        } else {
            send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private CountDownLatch release(String name) {
        return releases.computeIfAbsent(name, key -> new CountDownLatch(1));
    }

    private void monster(HttpExchange exchange, String name, int call, int size) throws IOException {
        if (name.startsWith("status-")) {
            int status = Integer.parseInt(name.substring(7, 10));
            send(exchange, status, "text/plain", ("status " + status + "\n").getBytes(StandardCharsets.UTF_8));
        } else if (name.startsWith("garbage-")) {
            send(exchange, 200, "image/png", "<html>not a png</html>".getBytes(StandardCharsets.UTF_8));
        } else if (name.startsWith("flaky-") && call == 1) {
            send(exchange, 500, "text/plain", "first call fails\n".getBytes(StandardCharsets.UTF_8));
        } else {
            if (name.startsWith("slow-") || name.startsWith("stall-")) {
                pause(name.startsWith("slow-") ? 300 : 5000);
            } else if (name.startsWith("held-")) {
                awaitRelease(release(name));
            }
            send(exchange, 200, "image/png", png(name, size));
        }
    }

    private static int size(String query) {
        return query != null && query.startsWith("size=") ? Integer.parseInt(query.substring(5)) : 20;
    }

    private static byte[] png(String name, int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        int colour = 0xff000000 | name.hashCode() & 0xffffff;
        for (int y = size / 4; y < size * 3 / 4; y++) {
            for (int x = size / 4; x < size * 3 / 4; x++) {
                image.setRGB(x, y, colour);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void awaitRelease(CountDownLatch release) {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
