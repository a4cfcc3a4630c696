package io.monsterstack.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A packaged service whose port another process holds exits non-zero with one line naming the port
 * and the variable that moves it, and nothing else to read: each service extends it with a
 * {@code PortInUseIT} that gives its jar.
 */
public abstract class PortInUseContract {

    // Generous, for a loaded CI machine: an idle one gives up in about 2 s.
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    /** The packaged jar under test. */
    protected abstract Path jar();

    @ParameterizedTest
    @CsvSource({"QUARKUS_HTTP_PORT, HTTP", "MANAGEMENT_PORT, management interface"})
    void portInUseStopsStartUpWithOneLineNamingItsVariable(String variable, String listener)
            throws IOException, InterruptedException {
        try (ServerSocket held = new ServerSocket(0);
                ServiceProcess service = ServiceProcess.jar(jar()).env(Map.of(variable, Integer.toString(held.getLocalPort())))
                        .log(Path.of("target", "port-in-use-" + variable + ".log")).start()) {
            assertTrue(service.awaitExit(START_LIMIT), "start-up must give up, not hang: " + service.log());
            String output = service.log();
            assertNotEquals(0, service.exitValue(), output);
            String line = "monsterstack: port %d (%s, %s) is already in use: stop what holds it or set %s to a free port"
                    .formatted(held.getLocalPort(), listener, variable, variable);
            assertEquals(1, output.lines().filter(line::equals).count(), "one line for it in:\n" + output);
            assertFalse(output.contains("\tat "), "no stack trace: " + output);
            assertFalse(output.contains(" ERROR ") || output.contains(" WARN "), "nothing else reported: " + output);
        }
    }
}
