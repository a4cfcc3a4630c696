package io.monsterstack.frontend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisPasswordFileSourceTest {

    @TempDir
    Path directory;

    @Test
    void trimsTheTrailingNewlineOfTheSecret() throws IOException {
        Path file = Files.writeString(directory.resolve("redis_password"), "s3cret pass\n");
        assertEquals("s3cret pass", config(Map.of("redis.password-file", file.toString(),
                "quarkus.redis.password", "from-env")).getValue("quarkus.redis.password", String.class));
    }

    @Test
    void fallsBackToThePlainPasswordWithoutAFile() {
        assertEquals("from-env", config(Map.of("quarkus.redis.password", "from-env"))
                .getValue("quarkus.redis.password", String.class));
    }

    @Test
    void missingFileStopsStartUpNamingThePath() {
        Path missing = directory.resolve("no-such-secret");
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> config(Map.of("redis.password-file", missing.toString())));
        assertTrue(failure.getMessage().contains(missing.toString()), failure.getMessage());
    }

    @Test
    void emptyFileStopsStartUp() throws IOException {
        Path empty = Files.writeString(directory.resolve("empty"), "\n");
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> config(Map.of("redis.password-file", empty.toString())));
        assertTrue(failure.getMessage().contains(empty.toString()), failure.getMessage());
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 250))
                .withSources(new RedisPasswordFileSource())
                .build();
    }
}
