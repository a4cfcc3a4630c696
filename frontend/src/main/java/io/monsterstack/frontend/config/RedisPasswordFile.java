package io.monsterstack.frontend.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkus.redis.client.RedisOptionsCustomizer;
import io.vertx.redis.client.RedisOptions;

/**
 * Gives the Redis client the password of {@code REDIS_PASSWORD_FILE} (a Docker secret such as
 * /run/secrets/redis_password) when it is set, over {@code REDIS_PASSWORD}. Quarkus creates its
 * Redis client at start, so a file that is set but missing, unreadable or empty stops start-up.
 */
@Singleton
public class RedisPasswordFile implements RedisOptionsCustomizer {

    private final Optional<Path> file;

    RedisPasswordFile(FrontendConfig config) {
        this.file = config.redis().passwordFile();
    }

    @Override
    public void customize(String clientName, RedisOptions options) {
        file.ifPresent(path -> options.setPassword(read(path)));
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
