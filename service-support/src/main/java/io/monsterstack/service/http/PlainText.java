package io.monsterstack.service.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Every refusal of both services: a status and its reason in one line of text/plain, from a Vert.x route or a resource. */
public final class PlainText {

    private static final CharSequence TYPE = HttpHeaders.createOptimized("text/plain; charset=utf-8");

    private PlainText() {
    }

    /** Ends a Vert.x response with the status and the reason. */
    public static Future<Void> send(HttpServerResponse response, int status, String reason) {
        return response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, TYPE)
                .end(line(reason));
    }

    /** The same answer, thrown from a JAX-RS resource. */
    public static WebApplicationException refusal(Response.Status status, String reason) {
        return new WebApplicationException(Response.status(status)
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity(line(reason))
                .build());
    }

    private static String line(String reason) {
        return reason + "\n";
    }
}
