package io.monsterstack.frontend.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code quarkus.redis.password} from the file named by {@code redis.password-file}
 * (a Docker secret such as /run/secrets/redis_password).
 */
public class RedisPasswordFileSource implements ConfigSourceFactory {

    static final String FILE_KEY = "redis.password-file";
    static final String PASSWORD_KEY = "quarkus.redis.password";
    // Above application.properties (250), so the file wins over the REDIS_PASSWORD fallback.
    private static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue file = context.getValue(FILE_KEY);
        if (file == null || file.getValue() == null || file.getValue().isBlank()) {
            return List.of();
        }
        String password = read(Path.of(file.getValue().strip()));
        return List.of(new MapBackedConfigSource("redis password file", Map.of(PASSWORD_KEY, password), ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    static String read(Path path) {
        try {
            // Secrets are usually written with `echo`, which adds a newline that is not part of the password.
            String password = Files.readString(path, StandardCharsets.UTF_8).stripTrailing();
            if (password.isEmpty()) {
                throw new IllegalStateException("Redis password file " + path + " is empty");
            }
            return password;
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("Cannot read the Redis password file " + path
                    + " (REDIS_PASSWORD_FILE): " + e.getClass().getSimpleName(), e);
        }
    }
}
