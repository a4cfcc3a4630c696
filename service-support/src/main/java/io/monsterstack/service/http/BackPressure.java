package io.monsterstack.service.http;

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

    void register(@Observes Filters filters) {
        filters.register(BackPressure::handle, FilterOrder.BACK_PRESSURE);
    }

    private static void handle(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (!response.writeQueueFull()) {
            context.next();
            return;
        }
        // Answers of earlier requests still wait for the client: hold this one, and stop reading the
        // connection until they have been sent. Vert.x 4.5 has no public API for that: HttpConnection
        // has no pause(), HttpServerRequest.pause() only stops handing this request's body over (the
        // socket is paused once a body fills its buffer, and pipelined GETs have none), and
        // toNetSocket() takes the connection away from HTTP. So this reaches into ConnectionBase, an
        // internal class: a Vert.x upgrade may break it, and HostileClientsIT's pipelining rows say so.
        ConnectionBase connection = (ConnectionBase) context.request().connection();
        connection.doPause();
        response.drainHandler(drained -> {
            connection.doResume();
            context.next();
        });
    }
}
