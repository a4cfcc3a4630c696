package io.monsterstack.frontend;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.monsterstack.testsupport.AttackChecks;
import io.monsterstack.testsupport.Flood;
import io.monsterstack.testsupport.OtherClients;
import io.monsterstack.testsupport.ParallelRequests;
import io.monsterstack.testsupport.RawHttp;
import io.monsterstack.testsupport.ServiceProcess;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * One unauthenticated client against the packaged frontend, run with its image's JVM options beside
 * the real image backend and Redis: each attack of the hardening table must leave the replica serving
 * everyone else within normal latency, answer with the right status, keep the log bounded and the
 * memory under the container limit. The image backend's own rows (3 and 8) are its HostileClientsIT.
 */
class HostileClientsIT {

    private static final int FRONTEND_LIMIT_MB = 256;
    private static final String MONSTER = "/monster/hostile";
    /** HAProxy's {@code timeout http-keep-alive}: the frontend must not close an idle connection sooner. */
    private static final Duration EDGE_KEEP_ALIVE = Duration.ofSeconds(2);
    private static final Path BACKEND_PROPERTIES = Path.of("../imagebackend/src/main/resources/application.properties");

    private static final RedisServer redis = new RedisServer();
    private static final Map<String, String> frontendConfig = new HashMap<>();
    private static ServiceProcess backend;
    private ServiceProcess frontend;

    @BeforeAll
    static void startDependencies() {
        frontendConfig.putAll(redis.start());
        backend = ServiceProcess.jar(RealImageBackend.JAR).imageJvmOptions(BACKEND_PROPERTIES)
                .log(Path.of("target", "hostile-imagebackend.log")).startListening(Duration.ofSeconds(60));
        frontendConfig.put("quarkus.rest-client.imagebackend.url", backend.url("").toString());
    }

    @AfterAll
    static void stopDependencies() {
        if (backend != null) {
            backend.close();
        }
        redis.stop();
    }

    /** A fresh frontend per case: its peak RSS (VmHWM) is then the peak of that attack. */
    @BeforeEach
    void startFrontend(TestInfo test) {
        frontend = startFrontend("frontend-" + test.getTestMethod().orElseThrow().getName(), frontendConfig);
    }

    private static ServiceProcess startFrontend(String name, Map<String, String> config) {
        ServiceProcess started = ServiceProcess.jar(FrontendJar.PATH).imageJvmOptions(FrontendJar.PROPERTIES).config(config)
                .log(Path.of("target", "hostile-" + name + ".log")).startListening(Duration.ofSeconds(60));
        // Both paths the other clients ask, once: a first answer loads classes, slow on a busy machine.
        AttackChecks.awaitServing(started, "/healthz");
        AttackChecks.awaitServing(started, MONSTER);
        return started;
    }

    @AfterEach
    void stopFrontend() {
        frontend.close();
    }

    // Row 1: h2c with prior knowledge, a zero stream window and 100k HEADERS frames on one connection.
    @Test
    void cleartextHttp2StreamFloodIsNotSpoken() throws Exception {
        long logStart = frontend.logBytes();
        try (OtherClients others = OtherClients.asking(frontend.port(), "/healthz", MONSTER);
                Flood flood = new Flood(frontend.port(), http2StreamFlood(100_000))) {
            byte[] answer = flood.firstAnswerBytes(9, Duration.ofSeconds(2));
            AttackChecks.letRun(Duration.ofSeconds(5));
            AttackChecks.assertServedAndBounded("row 1 h2c", frontend, FRONTEND_LIMIT_MB, logStart, MONSTER, others.failures());
            assertFalse(answer.length == 9 && answer[3] == 0x4, "answered with an HTTP/2 SETTINGS frame: h2c is on");
        }
    }

    // Row 2: 200k pipelined GETs on one connection whose client never reads; then SIGTERM with one still there.
    @Test
    void pipeliningClientThatNeverReadsIsNotReadEither() throws Exception {
        long logStart = frontend.logBytes();
        byte[] attack = Flood.repeat("GET " + MONSTER + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 200_000);
        try (OtherClients others = OtherClients.asking(frontend.port(), "/healthz", MONSTER);
                Flood flood = new Flood(frontend.port(), attack)) {
            AttackChecks.letRun(Duration.ofSeconds(6));
            AttackChecks.assertServedAndBounded("row 2 pipelining", frontend, FRONTEND_LIMIT_MB, logStart, MONSTER, others.failures());
            assertTrue(flood.written() < attack.length,
                    "the server kept reading all " + attack.length + " bytes of requests whose answers nobody reads");
        }
        RawHttp.Answer after = RawHttp.get(frontend.port(), MONSTER, OtherClients.NORMAL_LATENCY);
        assertEquals(200, after.status(), "a client after the flood: " + after);
        try (Flood flood = new Flood(frontend.port(), attack)) {
            AttackChecks.letRun(Duration.ofSeconds(2));
            assertTrue(frontend.terminate(Duration.ofSeconds(20)), "SIGTERM must stop the process during a flood");
        }
    }

    // Rows 4 and 5: malformed URL encoding in the form body of POST /, once each and then as a flood.
    @Test
    void malformedFormsAreRefusedWithOneLogLineAtMost() throws Exception {
        long logStart = frontend.logBytes();
        List<String> bodies = List.of("name=%", "name=%zz", "x=%&name=ok", "na%me=x");
        List<RawHttp.Answer> answers = new ArrayList<>();
        for (String body : bodies) {
            answers.add(RawHttp.exchange(frontend.port(), post(body), Duration.ofSeconds(2)));
        }
        System.out.printf("rows 4-5 forms: %s, log +%d chars%n", answers, frontend.logBytes() - logStart);
        for (RawHttp.Answer answer : answers) {
            assertEquals(400, answer.status(), answer.text());
            assertTrue(answer.text().endsWith("\r\n\r\nform data must be URL encoded\n"), answer.text());
        }
        ExecutorService connections = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> statuses = new ArrayList<>();
            for (String body : bodies) {
                statuses.add(connections.submit(() -> statusesFor(post(body), Duration.ofSeconds(3))));
            }
            for (Future<List<Integer>> status : statuses) {
                assertTrue(status.get().stream().allMatch(code -> code == 400), "all 400: " + status.get());
            }
        } finally {
            connections.shutdownNow();
        }
        String log = frontend.logSince(logStart);
        System.out.printf("rows 4-5 forms flood: log +%d lines%n", log.lines().count());
        assertTrue(log.lines().count() <= 1 && !log.contains("ERROR"), "at most one WARN line, got:\n" + log);
        AttackChecks.assertServedAndBounded("rows 4-5 forms", frontend, FRONTEND_LIMIT_MB, logStart, MONSTER, "");
    }

    // Row 6: 3000 connections stalled in their headers, a slowloris at 1 byte/s and an idle keep-alive connection.
    @Test
    void connectionsWithoutACompleteRequestAreClosed() throws Exception {
        long logStart = frontend.logBytes();
        List<Socket> stalled = new ArrayList<>();
        Thread slowloris = null;
        try (Socket keepAlive = connect(frontend.port(), Duration.ofSeconds(10))) {
            keepAlive.getOutputStream().write(("GET " + MONSTER + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            keepAlive.getInputStream().read(new byte[8192]);
            long opened = System.nanoTime();
            // An idle keep-alive connection outlives the edge's own keep-alive (images/haproxy/haproxy.cfg).
            awaitUntil(opened + EDGE_KEEP_ALIVE.toNanos());
            assertTrue(isOpen(keepAlive), "idle keep-alive connection closed before " + EDGE_KEEP_ALIVE);
            long firstStalled = System.nanoTime();
            for (int i = 0; i < 3000; i++) {
                // A busy machine accepts slowly: the backlog fills and a connect may wait for it.
                Socket socket = connect(frontend.port(), Duration.ofSeconds(10));
                socket.getOutputStream().write("GET /monster/a HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.ISO_8859_1));
                stalled.add(socket);
            }
            Socket slow = connect(frontend.port(), Duration.ofSeconds(10));
            stalled.add(slow);
            slowloris = trickle(slow);
            long lastOpened = System.nanoTime();
            try (OtherClients others = OtherClients.asking(frontend.port(), "/healthz", MONSTER)) {
                AttackChecks.letRun(Duration.ofSeconds(3));
                AttackChecks.assertServedAndBounded("row 6 stalled", frontend, FRONTEND_LIMIT_MB, logStart, MONSTER, others.failures());
            }

            // A few seconds, as the hardening table says: 5, plus a margin for the checks above running late on a busy machine.
            Duration limit = Duration.ofSeconds(5 + 3);
            long open;
            try {
                open = await("every stalled connection closed")
                        .atMost(Duration.ofNanos(Math.max(1, lastOpened + limit.toNanos() - System.nanoTime())))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> stalled.stream().filter(HostileClientsIT::isOpen).count(), count -> count == 0);
            } catch (ConditionTimeoutException stillOpen) {
                open = stalled.stream().filter(HostileClientsIT::isOpen).count();
            }
            System.out.printf("row 6 stalled: %d of %d still open %s after the last was opened (%s to open them all)%n",
                    open, stalled.size(), Duration.ofNanos(System.nanoTime() - lastOpened), Duration.ofNanos(lastOpened - firstStalled));
            assertEquals(0, open, "stalled connections still open " + limit + " after the last was opened");
            assertFalse(isOpen(keepAlive), "idle keep-alive connection still open");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
            if (slowloris != null) {
                slowloris.join();
            }
        }
    }

    // Row 7: enough unique monsters to fill the in-process cache three times over, then Redis stopped under page load.
    @Test
    void uniqueMonstersThenRedisDownStayUnderTheLimit() throws Exception {
        // Its own Redis, stopped below, and a frontend using it: the class's Redis serves the other cases.
        RedisServer ownRedis = new RedisServer();
        Map<String, String> config = new HashMap<>(frontendConfig);
        config.putAll(ownRedis.start());
        try (ServiceProcess loaded = startFrontend("frontend-unique-monsters", config)) {
            long logStart = loaded.logBytes();
            // A monster weighs ~515 B in the local cache (PNG, ETag, name): its default 16 MB holds ~32k,
            // so 110k names fill it more than three times over. The duration only bounds the loop: this
            // case asserts memory and answers, not speed.
            long start = System.nanoTime();
            Map<Integer, Integer> monsters = ParallelRequests.send(32, 110_000, Duration.ofMinutes(5),
                    i -> ParallelRequests.to(loaded.port(), "/monster/unique-" + i));
            Duration monstersTook = Duration.ofNanos(System.nanoTime() - start);
            long afterMonsters = loaded.memoryMb("VmHWM");
            ownRedis.stop();
            Map<Integer, Integer> pages;
            String others;
            try (OtherClients clients = OtherClients.asking(loaded.port(), "/healthz", MONSTER)) {
                pages = ParallelRequests.send(16, Integer.MAX_VALUE, Duration.ofSeconds(10), i -> ParallelRequests.to(loaded.port(), "/"));
                others = clients.failures();
            }
            RawHttp.Answer page = RawHttp.get(loaded.port(), "/", OtherClients.NORMAL_LATENCY);
            System.out.printf("row 7 unique monsters: %s in %s, peak RSS then %d MB; Redis stopped, pages for 10 s: %s%n",
                    monsters, monstersTook, afterMonsters, pages);
            assertEquals(Map.of(200, 110_000), monsters, "every unique monster served");
            assertEquals(Set.of(200), pages.keySet(), "pages with Redis down");
            assertTrue(page.text().contains("counter disabled"), "the page says the counter is off: " + page.text());
            AttackChecks.assertServedAndBounded("row 7 unique monsters, Redis down", loaded, FRONTEND_LIMIT_MB, logStart, "/", others);
        } finally {
            ownRedis.stop();
        }
    }

    private static void awaitUntil(long nanoTime) throws InterruptedException {
        AttackChecks.letRun(Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime())));
    }

    private static String post(String body) {
        return "POST / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private List<Integer> statusesFor(String request, Duration duration) {
        List<Integer> statuses = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end && statuses.size() < 20_000) {
            statuses.add(RawHttp.exchange(frontend.port(), request, Duration.ofSeconds(2)).status());
        }
        return statuses;
    }

    private static Socket connect(int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
        return socket;
    }

    /** A header line one byte a second, for at most a minute, until the server closes the connection. */
    private static Thread trickle(Socket socket) {
        Thread thread = new Thread(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
                for (int second = 0; second < 60 && isOpen(socket); second++) {
                    out.write('a');
                    TimeUnit.SECONDS.sleep(1);
                }
            } catch (IOException closed) {
                // The server closed it: what the test waits for.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "slowloris");
        thread.start();
        return thread;
    }

    private static boolean isOpen(Socket socket) {
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            while (in.available() > 0) {
                in.skip(in.available());
            }
            return in.read() >= 0;
        } catch (SocketTimeoutException nothingToRead) {
            return true;
        } catch (IOException closedOrReset) {
            return false;
        }
    }

    /** The HTTP/2 preface, SETTINGS with an initial stream window of 0, then that many GET streams. */
    private static byte[] http2StreamFlood(int streams) {
        byte[] preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        // HPACK: :method GET, :scheme http (static table), :path and :authority as literals without indexing.
        byte[] path = MONSTER.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer block = ByteBuffer.allocate(64).put((byte) 0x82).put((byte) 0x86)
                .put((byte) 0x04).put((byte) path.length).put(path)
                .put((byte) 0x01).put((byte) 9).put("localhost".getBytes(StandardCharsets.ISO_8859_1));
        byte[] headers = Arrays.copyOf(block.array(), block.position());
        ByteBuffer frames = ByteBuffer.allocate(preface.length + 15 + streams * (9 + headers.length)).put(preface);
        frames.put(new byte[] {0, 0, 6, 0x4, 0, 0, 0, 0, 0}).putShort((short) 0x4).putInt(0);
        for (int stream = 0; stream < streams; stream++) {
            frames.put((byte) 0).putShort((short) headers.length).put((byte) 0x1).put((byte) 0x5)
                    .putInt(2 * stream + 1).put(headers);
        }
        return frames.array();
    }
}
