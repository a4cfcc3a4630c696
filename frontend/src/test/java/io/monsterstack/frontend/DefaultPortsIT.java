package io.monsterstack.frontend;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.monsterstack.testsupport.RawHttp;
import io.monsterstack.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Both packaged services on one host with every port at its default, as two {@code java -jar}
 * start them: frontend 5000 and management 9000, image backend 8080 and management 9001. Each is
 * healthy and ready, the frontend's readiness reaching the backend on its default port.
 */
class DefaultPortsIT {

    // Generous, for a loaded CI machine: an idle one is ready in about 10 s (its warm-up included).
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final RedisServer redis = new RedisServer();

    @AfterEach
    void stopRedis() {
        redis.stop();
    }

    @Test
    void bothServicesRunSideBySideOnTheirDefaultPorts() {
        assertFree(5000, 9000, 8080, 9001);
        try (ServiceProcess backend = ServiceProcess.jar(RealImageBackend.JAR).defaultPorts(8080, 9001)
                        .log(Path.of("target", "default-ports-imagebackend.log")).startListening(START_LIMIT);
                ServiceProcess frontend = ServiceProcess.jar(FrontendJar.PATH).defaultPorts(5000, 9000).config(redis.start())
                        .env(Map.of("IMAGEBACKEND_DOMAIN", "127.0.0.1"))
                        .log(Path.of("target", "default-ports-frontend.log")).startListening(START_LIMIT)) {
            for (ServiceProcess service : List.of(backend, frontend)) {
                RawHttp.await(service.url("/healthz"), 200, START_LIMIT);
                RawHttp.await(service.managementUrl("/q/health/ready"), 200, START_LIMIT);
            }
        }
    }

    // The defaults are what is tested: a port another process holds here fails the test, named.
    private static void assertFree(int... ports) {
        for (int port : ports) {
            try {
                new ServerSocket(port).close();
            } catch (IOException taken) {
                fail("port " + port + " is in use on this machine, and this test starts both services on their"
                        + " default ports (5000, 9000, 8080, 9001): " + taken.getMessage());
            }
        }
    }
}
