package io.monsterstack.service.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses what Vert.x would otherwise serve leniently or log as a server error: HTTP versions other
 * than 1.0 and 1.1 (Vert.x answers {@code HTTP/9.9} in kind) and HTTP/1.1 requests without a
 * {@code Host} (RFC 9112: 400), which Vert.x Web fails before any route and Quarkus logs as an ERROR.
 */
@ApplicationScoped
public class StrictProtocol {

    void register(@Observes Filters filters) {
        filters.register(StrictProtocol::knownVersion, FilterOrder.KNOWN_VERSION);
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(StrictProtocol::missingHost);
    }

    private static void knownVersion(RoutingContext context) {
        if (context.request().version() == null) {
            // Any answer would carry the client's version in its status line: close instead.
            context.request().connection().close();
        } else {
            context.next();
        }
    }

    private static void missingHost(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (context.statusCode() != 400 || request.authority() != null) {
            context.next();
        } else if (request.version() == null) {
            request.connection().close();
        } else {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            PlainText.send(context.response(), 400, "a Host header is required")
                    .onComplete(sent -> request.connection().close());
        }
    }
}
