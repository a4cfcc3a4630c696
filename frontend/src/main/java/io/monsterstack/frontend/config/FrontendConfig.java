package io.monsterstack.frontend.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the frontend, fed from the environment by application.properties. */
@ConfigMapping(prefix = "monsterstack")
public interface FrontendConfig {

    /** Page title; the rolling-update demo changes it to "MonsterStack v2". */
    @WithDefault("MonsterStack")
    String title();

    /** Version shown on the page and in the X-MonsterStack-Version header. */
    String version();

    /** Salt hashed in front of the name; "UNIQUE_SALT" keeps the original's monster URLs. */
    @WithDefault("UNIQUE_SALT")
    String salt();

    /** Name used when the form sends none. */
    @WithDefault("John Doe")
    String defaultName();

    /** Longest accepted name, in characters, on the form and in /monster/{name}. */
    @WithDefault("128")
    int nameMaxLength();

    /** Side in pixels of the monsters asked from the image backend. */
    @WithDefault("100")
    int monsterSize();

    /** Bytes of PNG kept in the in-process cache. */
    @WithDefault("16777216")
    long cacheMaxBytes();

    /** How long Redis keeps a monster; bounds Redis memory since every name is a new key. */
    @WithDefault("P7D")
    Duration redisTtl();

    /** Upper bound of every Redis command; past it the page and images are served without Redis. */
    @WithDefault("300ms")
    Duration redisTimeout();

    /** Seconds a client is told to wait (Retry-After) when the image backend fails. */
    @WithDefault("5")
    int retryAfterSeconds();
}
