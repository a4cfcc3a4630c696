package io.monsterstack.drills.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StartupLogsTest {

    @Test
    void theJvmsCreationAndQuarkussStartedInInMilliseconds() {
        assertEquals("81", StartupLogs.jvmCreatedMs("[0.012s][info][startuptime] Genesis, 0.0040000 secs\n"
                + "[0.091s][info][startuptime] Create VM, 0.0812345 secs\n"));
        assertEquals("1234", StartupLogs.quarkusStartedMs("INFO  [io.quarkus] frontend 1.0.0 on JVM (powered by Quarkus 3.34.1) started in 1.234s. "
                + "Listening on: http://0.0.0.0:5000\n"));
        assertEquals("", StartupLogs.quarkusStartedMs("nothing yet"));
    }
}
