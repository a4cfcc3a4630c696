package io.monsterstack.httpguard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;

/**
 * Stops reading a connection whose client does not read its answers. Vert.x answers pipelined
 * requests one after the other and queues every answer in memory whether or not the client reads
 * them, so one client that pipelines thousands of requests could exhaust the direct memory.
 */
@ApplicationScoped
public class BackPressure {

    static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(BackPressure::handle, PRIORITY);
    }

    private static void handle(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (!response.writeQueueFull()) {
            context.next();
            return;
        }
        // Answers of earlier requests still wait for the client: hold this one, and stop reading
        // the connection (no public API pauses an HTTP/1 connection), until they have been sent.
        ConnectionBase connection = (ConnectionBase) context.request().connection();
        connection.doPause();
        response.drainHandler(drained -> {
            connection.doResume();
            context.next();
        });
    }
}
