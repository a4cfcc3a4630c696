package io.monsterstack.frontend.config;

import static io.monsterstack.service.RangeMessage.RANGE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.monsterstack.service.DurationRange;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.Range;

/**
 * Settings of the frontend: each key's default names the environment variable that sets it and
 * its value without one, and its constraint is checked at start, so that a value out of range
 * stops start-up with one line naming the variable, the value and the range. The groups below
 * ({@link Redis} but its password file, {@link ImageBackend}, {@link #dnsCacheMaxTtlSeconds()},
 * {@link #context()}) are read by Quarkus: application.properties feeds its keys from them, so that
 * what Quarkus gets has passed these checks.
 * <p>
 * The longest answer, a monster missing everywhere with every limit at its maximum, waits for a
 * Redis GET (1 s), a backend connect (0.5 s), its read (2 s) and a Redis SET (1 s): 4.5 s, within
 * the 5 s after which a connection without an answer is closed (service-support's SilentConnections).
 */
@ConfigMapping(prefix = "monsterstack")
public interface FrontendConfig {

    /** Host names as Docker's DNS knows them (service, stack_service, tasks.service) or IPv4 addresses. */
    String HOST = "[A-Za-z0-9._-]{1,253}";

    /**
     * Logging profile (quarkus.log.*): DEV (debug, thread names) or PROD. Its variable and default are in
     * application.properties: logging is configured at build time too, before this mapping's defaults exist.
     */
    @Pattern(regexp = "DEV|PROD", message = "(CONTEXT) must be DEV or PROD")
    String context();

    /** Page title; the rolling-update demo changes it to "MonsterStack v2". */
    @WithDefault("${MONSTERSTACK_TITLE:MonsterStack}")
    @Pattern(regexp = "\\P{Cntrl}{1,100}", message = "(MONSTERSTACK_TITLE) must be 1 to 100 characters, no control characters")
    String title();

    /** Version shown on the page and in the X-MonsterStack-Version header, hence printable ASCII only. */
    @WithDefault("${MONSTERSTACK_VERSION:${quarkus.application.version}}")
    @Pattern(regexp = "[ -~]{1,64}", message = "(MONSTERSTACK_VERSION) must be 1 to 64 printable ASCII characters (no CR/LF)")
    String version();

    /** Salt hashed in front of the name; "UNIQUE_SALT" keeps the original's monster URLs. */
    @WithDefault("${MONSTERSTACK_SALT:UNIQUE_SALT}")
    @Size(max = 256, message = "(MONSTERSTACK_SALT) must be at most {max} characters")
    String salt();

    /** Name used when the form sends none; at most the smallest allowed name length. */
    @WithDefault("${MONSTERSTACK_DEFAULT_NAME:John Doe}")
    @Size(min = 1, max = 64, message = "(MONSTERSTACK_DEFAULT_NAME) must be {min} to {max} characters")
    String defaultName();

    /**
     * Longest accepted name, in characters, on the form and in /monster/{name}: at least 64, the
     * length of the page's monster URL (a SHA-256 in hex), at most the backend's smallest maximum.
     */
    @WithDefault("${MONSTER_NAME_MAX_LENGTH:128}")
    @Range(min = 64, max = 256, message = "(MONSTER_NAME_MAX_LENGTH)" + RANGE)
    int nameMaxLength();

    /** Side in pixels of the monsters asked from the image backend: 12 to the backend's smallest maximum. */
    @WithDefault("${MONSTER_SIZE:100}")
    @Range(min = 12, max = 1024, message = "(MONSTER_SIZE)" + RANGE)
    int monsterSize();

    /** Bytes of PNG kept in the in-process cache (0: none); at most a third of the image's 72 MB heap. */
    @WithDefault("${MONSTER_CACHE_MAX_BYTES:16777216}")
    @Range(min = 0, max = 25165824, message = "(MONSTER_CACHE_MAX_BYTES)" + RANGE)
    long cacheMaxBytes();

    /** How long Redis keeps a monster; bounds Redis memory since every name is a new key. */
    @WithDefault("${MONSTER_REDIS_TTL:P7D}")
    @DurationRange(min = "1s", max = "365d", message = "(MONSTER_REDIS_TTL)" + RANGE)
    Duration redisTtl();

    /**
     * Upper bound of every Redis command; past it the page and images are served without Redis.
     * At most 1s: when Redis hangs, pages wait this long for their counter until calls skip it.
     */
    @WithDefault("${REDIS_TIMEOUT:300ms}")
    @DurationRange(min = "10ms", max = "1s", message = "(REDIS_TIMEOUT)" + RANGE)
    Duration redisTimeout();

    /** Seconds a client is told to wait (Retry-After) when the image backend fails. */
    @WithDefault("${RETRY_AFTER_SECONDS:5}")
    @Range(min = 1, max = 3600, message = "(RETRY_AFTER_SECONDS)" + RANGE)
    int retryAfterSeconds();

    /** Redis connection. */
    Redis redis();

    /** Image backend connection (quarkus.rest-client.imagebackend.*). */
    ImageBackend imagebackend();

    /** Seconds a resolved address is trusted (quarkus.vertx.resolver.cache-max-time-to-live). */
    @WithDefault("${DNS_CACHE_MAX_TTL_SECONDS:2}")
    @Range(min = 0, max = 60, message = "(DNS_CACHE_MAX_TTL_SECONDS)" + RANGE)
    int dnsCacheMaxTtlSeconds();

    interface Redis {

        /** Host of Redis (quarkus.redis.hosts). */
        @WithDefault("${REDIS_DOMAIN:redis}")
        @Pattern(regexp = HOST, message = "(REDIS_DOMAIN) must be a host name or IPv4 address")
        String domain();

        /** Port of Redis (quarkus.redis.hosts). */
        @WithDefault("${REDIS_PORT:6379}")
        @Range(min = 1, max = 65535, message = "(REDIS_PORT)" + RANGE)
        int port();

        /** Limit on opening a connection (quarkus.redis.tcp.connection-timeout). */
        @WithDefault("${REDIS_CONNECT_TIMEOUT:500ms}")
        @DurationRange(min = "10ms", max = "5s", message = "(REDIS_CONNECT_TIMEOUT)" + RANGE)
        Duration connectTimeout();

        /** Connections to Redis per replica (quarkus.redis.max-pool-size). */
        @WithDefault("${REDIS_POOL_SIZE:32}")
        @Range(min = 1, max = 256, message = "(REDIS_POOL_SIZE)" + RANGE)
        int poolSize();

        /**
         * File holding the Redis password (a Docker secret such as /run/secrets/redis_password), read by
         * {@link RedisPasswordFile}; without one, quarkus.redis.password (REDIS_PASSWORD) is used.
         */
        @WithDefault("${REDIS_PASSWORD_FILE:}")
        Optional<Path> passwordFile();
    }

    interface ImageBackend {

        /** Host of the image backend. */
        @WithDefault("${IMAGEBACKEND_DOMAIN:imagebackend}")
        @Pattern(regexp = HOST, message = "(IMAGEBACKEND_DOMAIN) must be a host name or IPv4 address")
        String domain();

        /** Port of the image backend. */
        @WithDefault("${IMAGEBACKEND_PORT:8080}")
        @Range(min = 1, max = 65535, message = "(IMAGEBACKEND_PORT)" + RANGE)
        int port();

        /** Limit on opening a connection, in milliseconds (a timed-out connect is not retried). */
        @WithDefault("${IMAGEBACKEND_CONNECT_TIMEOUT_MS:500}")
        @Range(min = 10, max = 500, message = "(IMAGEBACKEND_CONNECT_TIMEOUT_MS)" + RANGE)
        int connectTimeoutMs();

        /** Limit on waiting for an answer, in milliseconds (0 would disable it). */
        @WithDefault("${IMAGEBACKEND_READ_TIMEOUT_MS:2000}")
        @Range(min = 10, max = 2000, message = "(IMAGEBACKEND_READ_TIMEOUT_MS)" + RANGE)
        int readTimeoutMs();

        /** Connections to the backend per replica. */
        @WithDefault("${IMAGEBACKEND_POOL_SIZE:64}")
        @Range(min = 1, max = 256, message = "(IMAGEBACKEND_POOL_SIZE)" + RANGE)
        int poolSize();
    }
}
