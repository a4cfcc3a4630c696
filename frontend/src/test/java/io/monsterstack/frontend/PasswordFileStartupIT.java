package io.monsterstack.frontend;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.monsterstack.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;

/** The packaged frontend refuses to start when its Redis password file cannot be read. */
class PasswordFileStartupIT {

    @Test
    void missingPasswordFileStopsStartUpNamingThePath() throws InterruptedException {
        String missing = "/nonexistent/monsterstack/redis_password";
        // The variable Swarm sets: its mapping to the Redis client is part of what is tested.
        try (ServiceProcess frontend = ServiceProcess.jar(FrontendJar.PATH).env(Map.of("REDIS_PASSWORD_FILE", missing))
                .log(Path.of("target", "password-file-it.log")).start()) {
            assertTrue(frontend.awaitExit(Duration.ofSeconds(60)), "start-up must give up, not hang: " + frontend.log());
            assertNotEquals(0, frontend.exitValue(), frontend.log());
            assertTrue(frontend.log().contains(missing), frontend.log());
        }
    }
}
