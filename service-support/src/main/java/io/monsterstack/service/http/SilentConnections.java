package io.monsterstack.service.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Closes a connection that has had no answer written for {@link #TIMEOUT}: one that never completes
 * its request (a slowloris trickling a byte a second never looks idle to a read timeout), one whose
 * client stopped reading, and an idle keep-alive connection. Vert.x has no header-read timeout, so
 * this write-idle timeout is what bounds the time a client has to send its headers.
 */
@Singleton
public class SilentConnections implements HttpServerOptionsCustomizer {

    /**
     * A few seconds, as Apache httpd's default KeepAliveTimeout. Longer than any answer takes (the
     * frontend's slowest, a monster with every wait at its allowed maximum, takes 4.5 s: FrontendConfig),
     * and than a client of this server keeps a connection idle: HAProxy keeps none (a connection
     * per request, images/haproxy/haproxy.cfg), the frontend's REST client none beyond
     * {@code quarkus.rest-client.imagebackend.connection-ttl} (2 s).
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        options.setWriteIdleTimeout((int) TIMEOUT.toMillis());
    }
}
