package io.monsterstack.imagebackend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import io.monsterstack.testsupport.AttackChecks;
import io.monsterstack.testsupport.Flood;
import io.monsterstack.testsupport.OtherClients;
import io.monsterstack.testsupport.ParallelRequests;
import io.monsterstack.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;

/**
 * The image backend's rows of the hardening table (3 and 8), against its packaged jar run with its
 * image's JVM options, a fresh one per case so that its peak RSS (VmHWM) is the peak of that case.
 */
class HostileClientsIT {

    private static final int LIMIT_MB = 128;
    private static final String SMALL = "/monster/other?size=100";

    private ServiceProcess backend;

    @BeforeEach
    void startBackend(TestInfo test) {
        backend = ServiceProcess.jar(Path.of("target", "quarkus-app", "quarkus-run.jar"))
                .imageJvmOptions(Path.of("src", "main", "resources", "application.properties"))
                .log(Path.of("target", "hostile-" + test.getTestMethod().orElseThrow().getName() + ".log"))
                .startListening(Duration.ofSeconds(60));
        // Both paths the other clients ask, once: a first answer loads classes, slow on a busy machine.
        AttackChecks.awaitServing(backend, "/");
        AttackChecks.awaitServing(backend, SMALL);
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    // Row 3: 1000 pipelined 1024-pixel monsters on one connection whose client never reads.
    @Test
    void pipeliningClientThatNeverReadsIsNotReadEither() throws Exception {
        long logStart = backend.logBytes();
        byte[] attack = Flood.repeat("GET /monster/flood?size=1024 HTTP/1.1\r\nHost: localhost\r\n\r\n", 1000);
        try (OtherClients others = OtherClients.asking(backend.port(), "/", SMALL);
                Flood flood = new Flood(backend.port(), attack)) {
            AttackChecks.letRun(Duration.ofSeconds(6));
            AttackChecks.assertServedAndBounded("row 3 backend pipelining", backend, LIMIT_MB, logStart, SMALL, others.failures());
        }
    }

    // Row 8: 64 connections asking 1024-pixel monsters for 10 s, then error paths, then 256 connections.
    @Test
    void heavyLoadAndErrorsStayUnderTheLimit() throws Exception {
        long logStart = backend.logBytes();
        IntFunction<HttpRequest.Builder> big = i -> ParallelRequests.to(backend.port(), "/monster/load-" + i + "?size=1024");
        // Bad sizes (400), a name over the backend's 256 characters (414), an unknown path (404), wrong methods (405).
        List<HttpRequest.Builder> errors = List.of(
                ParallelRequests.to(backend.port(), "/monster/e?size=abc"),
                ParallelRequests.to(backend.port(), "/monster/e?size=99999"),
                ParallelRequests.to(backend.port(), "/monster/e?size=-1"),
                ParallelRequests.to(backend.port(), "/monster/" + "n".repeat(257)),
                ParallelRequests.to(backend.port(), "/nowhere"),
                ParallelRequests.to(backend.port(), "/monster/e").POST(HttpRequest.BodyPublishers.ofString("x")),
                ParallelRequests.to(backend.port(), "/monster/e").DELETE());
        Map<Integer, Integer> first;
        Map<Integer, Integer> refused;
        Map<Integer, Integer> second;
        String others;
        try (OtherClients clients = OtherClients.asking(backend.port(), "/", SMALL)) {
            first = ParallelRequests.send(64, Integer.MAX_VALUE, Duration.ofSeconds(10), big);
            refused = ParallelRequests.send(64, Integer.MAX_VALUE, Duration.ofSeconds(5),
                    i -> errors.get(i % errors.size()).copy());
            second = ParallelRequests.send(256, Integer.MAX_VALUE, Duration.ofSeconds(10), big);
            others = clients.failures();
        }
        System.out.printf("row 8 backend load: 64 connections %s, error paths %s, 256 connections %s%n", first, refused, second);
        assertEquals(Set.of(200), first.keySet(), "64 connections of 1024-pixel monsters");
        assertEquals(Set.of(400, 404, 405, 414), refused.keySet(), "error paths");
        assertEquals(Set.of(200), second.keySet(), "256 connections of 1024-pixel monsters");
        AttackChecks.assertServedAndBounded("row 8 backend load", backend, LIMIT_MB, logStart, SMALL, others);
    }
}
