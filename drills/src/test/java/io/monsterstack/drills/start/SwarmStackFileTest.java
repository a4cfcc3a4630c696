package io.monsterstack.drills.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

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

    private static SwarmStackFile stack() {
        return SwarmStackFile.parse("docker-compose.swarm.yml", STACK);
    }

    @Test
    void limitsAreTheServicesOwnNotItsReservations() {
        assertEquals(new SwarmStackFile.Limits("0.5", 256), stack().limits("frontend"));
        assertEquals(new SwarmStackFile.Limits("0.3", 1024), stack().limits("imagebackend"), "after its reservations, in G");
    }

    @Test
    void aServiceWithoutLimitsOrAbsentIsAnError() {
        SwarmStackFile stack = stack();
        assertTrue(assertThrows(IllegalStateException.class, () -> stack.limits("redis")).getMessage().contains("no cpus and memory"));
        assertTrue(assertThrows(IllegalStateException.class, () -> stack.limits("edge")).getMessage().contains("no service edge"));
    }

    @Test
    void theImageAsWritten() {
        assertEquals("redis:7.0.15-alpine", stack().image("redis"));
        assertThrows(IllegalStateException.class, () -> stack().image("imagebackend"));
    }

    private static SwarmStackFile stack(String yaml) {
        return SwarmStackFile.parse("other.yml", yaml);
    }

    @Test
    void quotesFlowStyleAndCommentsReadAsComposeReadsThem() {
        SwarmStackFile stack = stack("""
                services:
                  frontend: # the app
                    image: "monsterstack/monsterstack-frontend:1.0"   # quoted, with a comment
                    deploy: {resources: {limits: {cpus: "0.5", memory: '256M'}}}
                  imagebackend:
                    image: 'monsterstack/monsterstack-imagebackend:1.0'
                    deploy:
                      resources:
                        limits: {memory: "128M" , cpus: 0.30}  # flow style; cpus as written
                """);
        assertEquals(new SwarmStackFile.Limits("0.5", 256), stack.limits("frontend"));
        assertEquals("monsterstack/monsterstack-frontend:1.0", stack.image("frontend"));
        assertEquals(new SwarmStackFile.Limits("0.30", 128), stack.limits("imagebackend"));
        assertEquals("monsterstack/monsterstack-imagebackend:1.0", stack.image("imagebackend"));
    }

    @Test
    void memoryInComposesUnits() {
        SwarmStackFile stack = stack("""
                services:
                  bytes: {deploy: {resources: {limits: {cpus: 1, memory: 268435456}}}}
                  kb: {deploy: {resources: {limits: {cpus: 1, memory: 262144kb}}}}
                  mb: {deploy: {resources: {limits: {cpus: 1, memory: 256mb}}}}
                  gb: {deploy: {resources: {limits: {cpus: 1, memory: 1.5GB}}}}
                  b: {deploy: {resources: {limits: {cpus: 1, memory: 268435456b}}}}
                  bad: {deploy: {resources: {limits: {cpus: 1, memory: lots}}}}
                """);
        assertEquals(new SwarmStackFile.Limits("1", 256), stack.limits("bytes"), "a bare number is bytes");
        assertEquals(256, stack.limits("kb").memoryMb());
        assertEquals(256, stack.limits("mb").memoryMb());
        assertEquals(1536, stack.limits("gb").memoryMb());
        assertEquals(256, stack.limits("b").memoryMb());
        String message = assertThrows(IllegalStateException.class, () -> stack.limits("bad")).getMessage();
        assertTrue(message.contains("other.yml") && message.contains("bad's memory limit lots"), message);
    }

    @Test
    void anchorsAndMergeKeysAreFollowed() {
        SwarmStackFile stack = stack("""
                x-limits: &limits
                  cpus: '0.25'
                  memory: 64M
                services:
                  frontend:
                    image: frontend
                    deploy:
                      resources:
                        limits: *limits
                  imagebackend:
                    image: imagebackend
                    deploy:
                      resources:
                        limits:
                          <<: *limits
                          memory: 96M
                """);
        assertEquals(new SwarmStackFile.Limits("0.25", 64), stack.limits("frontend"));
        assertEquals(new SwarmStackFile.Limits("0.25", 96), stack.limits("imagebackend"), "its own memory over the merged one");
    }

    @Test
    void halfALimitNullsAndNonYamlAreErrorsNamingTheFile() {
        SwarmStackFile stack = stack("""
                services:
                  frontend: {image: ~, deploy: {resources: {limits: {cpus: '0.5'}}}}
                  imagebackend: {deploy: {resources: {limits: {cpus: null, memory: 128M}}}}
                """);
        String message = assertThrows(IllegalStateException.class, () -> stack.limits("frontend")).getMessage();
        assertTrue(message.contains("other.yml") && message.contains("no memory under frontend's limits"), message);
        message = assertThrows(IllegalStateException.class, () -> stack.limits("imagebackend")).getMessage();
        assertTrue(message.contains("no cpus under imagebackend's limits"), message);
        message = assertThrows(IllegalStateException.class, () -> stack.image("frontend")).getMessage();
        assertTrue(message.contains("other.yml") && message.contains("no image for frontend"), message);

        message = assertThrows(IllegalStateException.class, () -> stack("services: [frontend\n")).getMessage();
        assertTrue(message.contains("other.yml"), message);
        message = assertThrows(IllegalStateException.class, () -> stack("""
                services:
                  frontend: {image: a}
                  frontend: {image: b}
                """)).getMessage();
        assertTrue(message.contains("other.yml") && message.contains("frontend"), "a key twice: " + message);
    }

    @Test
    void theProjectsStackFileAsItIsWritten() throws IOException {
        SwarmStackFile stack = projectStackFile();
        assertEquals(new SwarmStackFile.Limits("0.5", 256), stack.limits("frontend"));
        assertEquals(new SwarmStackFile.Limits("0.3", 128), stack.limits("imagebackend"));
        assertEquals("redis:7.0.15-alpine", stack.image("redis"));
    }

    @Test
    void theProjectsStackFileGivesBothAppImagesLimitsAndRedisAnImage() throws IOException {
        SwarmStackFile stack = projectStackFile();
        for (String service : StartOptions.SERVICES) {
            SwarmStackFile.Limits limits = stack.limits(service);
            assertTrue(Double.parseDouble(limits.cpus()) > 0 && limits.memoryMb() >= 64, service + ": " + limits);
        }
        assertTrue(stack.image("redis").startsWith("redis:"), stack.image("redis"));
    }

    @Test
    void anOptionOfTheCommandIsTheWordAfterIt() throws IOException {
        SwarmStackFile stack = SwarmStackFile.parse("f.yml", """
                services:
                  redis:
                    command: [sh, -c, "exec redis-server - --maxmemory-policy volatile-lru --maxmemory 192mb <<CONF"]
                  cache:
                    command: redis-server --maxmemory 64mb
                """);
        assertEquals("192mb", stack.commandOption("redis", "--maxmemory"));
        assertEquals("volatile-lru", stack.commandOption("redis", "--maxmemory-policy"));
        assertEquals("64mb", stack.commandOption("cache", "--maxmemory"));
        assertEquals("f.yml: no --maxmemory-policy in cache's command",
                assertThrows(IllegalStateException.class, () -> stack.commandOption("cache", "--maxmemory-policy")).getMessage());
        assertTrue(projectStackFile().commandOption("redis", "--maxmemory").matches("[0-9]+[kmg]b"));
    }

    /** The project's stack file as written (the drills read it through "docker stack config"). */
    private static SwarmStackFile projectStackFile() throws IOException {
        Path file = Path.of("../stack/docker-compose.swarm.yml");
        return SwarmStackFile.parse(file.toString(), Files.readString(file));
    }
}
