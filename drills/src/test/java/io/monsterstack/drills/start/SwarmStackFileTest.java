package io.monsterstack.drills.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwarmStackFileTest {

    private static final String STACK = """
            services:
              frontend:
                image: ${DOCKER_REGISTRY:-docker.io}/${DOCKER_USER:-monsterstack}/monsterstack-frontend:${TAG:-1.0}
                deploy:
                  resources:
                    # The limits come first here, as in the stack file.
                    limits:
                      cpus: '0.5'             # At most half a CPU
                      memory: 256M
                    reservations:
                      cpus: '0.25'
                      memory: 128M

              imagebackend:
                deploy:
                  resources:
                    reservations:
                      cpus: '0.1'
                      memory: 64M
                    limits:
                      memory: 1G
                      cpus: 0.3
              redis:
                image: redis:7.0.15-alpine
                deploy:
                  resources:
                    reservations:
                      cpus: '0.1'
                      memory: 128M
            networks:
              frontend:
                driver: overlay
            """;

    @TempDir
    Path dir;

    private SwarmStackFile stack() throws IOException {
        return SwarmStackFile.read(Files.writeString(dir.resolve("docker-compose.swarm.yml"), STACK));
    }

    @Test
    void limitsAreTheServicesOwnNotItsReservations() throws IOException {
        assertEquals(new SwarmStackFile.Limits("0.5", 256), stack().limits("frontend"));
        assertEquals(new SwarmStackFile.Limits("0.3", 1024), stack().limits("imagebackend"), "after its reservations, in G");
    }

    @Test
    void aServiceWithoutLimitsOrAbsentIsAnError() throws IOException {
        SwarmStackFile stack = stack();
        assertTrue(assertThrows(IllegalStateException.class, () -> stack.limits("redis")).getMessage().contains("no cpus and memory"));
        assertTrue(assertThrows(IllegalStateException.class, () -> stack.limits("edge")).getMessage().contains("no service edge"));
    }

    @Test
    void theImageAsWritten() throws IOException {
        assertEquals("redis:7.0.15-alpine", stack().image("redis"));
        assertThrows(IllegalStateException.class, () -> stack().image("imagebackend"));
    }

    @Test
    void theProjectsStackFileGivesBothAppImagesLimitsAndRedisAnImage() throws IOException {
        SwarmStackFile stack = SwarmStackFile.read(Path.of("../stack/docker-compose.swarm.yml"));
        for (String service : StartOptions.SERVICES) {
            SwarmStackFile.Limits limits = stack.limits(service);
            assertTrue(Double.parseDouble(limits.cpus()) > 0 && limits.memoryMb() >= 64, service + ": " + limits);
        }
        assertTrue(stack.image("redis").startsWith("redis:"), stack.image("redis"));
    }
}
