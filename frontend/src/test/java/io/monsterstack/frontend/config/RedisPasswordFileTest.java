package io.monsterstack.frontend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret's own rules; that the Redis client gets it is what every test against RedisServer shows. */
class RedisPasswordFileTest {

    @TempDir
    Path directory;

    @Test
    void trimsTheTrailingNewlineOfTheSecret() throws IOException {
        Path file = Files.writeString(directory.resolve("redis_password"), "s3cret pass\n");
        assertEquals("s3cret pass", RedisPasswordFile.read(file));
    }

    @Test
    void missingFileIsRefusedNamingThePath() {
        Path missing = directory.resolve("no-such-secret");
        RuntimeException failure = assertThrows(RuntimeException.class, () -> RedisPasswordFile.read(missing));
        assertTrue(failure.getMessage().contains(missing.toString()), failure.getMessage());
    }

    @Test
    void emptyFileIsRefusedNamingThePath() throws IOException {
        Path empty = Files.writeString(directory.resolve("empty"), "\n");
        RuntimeException failure = assertThrows(RuntimeException.class, () -> RedisPasswordFile.read(empty));
        assertTrue(failure.getMessage().contains(empty.toString()), failure.getMessage());
    }
}
