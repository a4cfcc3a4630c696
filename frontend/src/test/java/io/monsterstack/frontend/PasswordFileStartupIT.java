package io.monsterstack.frontend;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The packaged frontend refuses to start when its Redis password file cannot be read. */
class PasswordFileStartupIT {

    @Test
    void missingPasswordFileStopsStartUpNamingThePath() throws IOException, InterruptedException {
        String missing = "/nonexistent/monsterstack/redis_password";
        Path log = Path.of("target", "password-file-it.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-Dquarkus.management.port=0",
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The variable Swarm sets: its mapping in application.properties is part of what is tested.
        builder.environment().put("REDIS_PASSWORD_FILE", missing);
        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(exited, "start-up must give up, not hang: " + output);
        assertNotEquals(0, process.exitValue(), output);
        assertTrue(output.contains(missing), output);
    }
}
