package io.monsterstack.httpguard;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Closes a connection that has had no answer written for {@link #TIMEOUT}: one that never completes
 * its request (a slowloris trickling a byte a second never looks idle to a read timeout), one whose
 * client stopped reading, and an idle keep-alive connection. Vert.x has no header-read timeout.
 */
@Singleton
public class SilentConnections implements HttpServerOptionsCustomizer {

    /**
     * Longer than any answer takes, and than the edge keeps an idle connection to this server:
     * HAProxy keeps none beyond its client's keep-alive (images/haproxy/haproxy.cfg, 10 s), the
     * frontend's REST client none beyond {@code quarkus.rest-client.imagebackend.connection-ttl}.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        options.setWriteIdleTimeout((int) TIMEOUT.toMillis());
    }
}
