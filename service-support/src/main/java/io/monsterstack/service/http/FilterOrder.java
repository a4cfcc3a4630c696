package io.monsterstack.service.http;

/**
 * The priorities of every {@code @Observes Filters} filter of both services, in one place: Quarkus
 * runs a request through its filters from the highest priority down, before any route.
 * <p>
 * The other ways into HTTP, for the whole picture: JAX-RS resources ({@code @Path}: the page,
 * {@code /healthz}, the image backend's routes); Vert.x routes ({@code @Observes Router}: the
 * frontend's {@code /monster/{name}} and static files, StrictProtocol's failure handler); the server's
 * options ({@code HttpServerOptionsCustomizer}: SilentConnections). No {@code quarkus.http.header.*}
 * or {@code quarkus.http.filter.*}: each is a route of its own that every request crosses (a filter's
 * with a regular expression), where {@link #RESPONSE_HEADERS} adds a service's headers at once.
 */
public final class FilterOrder {

    /** First, so that its time includes every other filter's: http_server_requests (metrics' HttpServerRequests). */
    public static final int REQUEST_TIMER = 10_000;

    /** Closes a connection in an HTTP version other than 1.0 and 1.1 before anything answers it (StrictProtocol). */
    public static final int KNOWN_VERSION = 1001;

    /** Holds a pipelined request while the answers before it wait for the client (BackPressure). */
    public static final int BACK_PRESSURE = 1000;

    /** Adds a service's response headers, one {@link HeaderSet} (the frontend's AnswerHeaders, the image backend's). */
    public static final int RESPONSE_HEADERS = 100;

    private FilterOrder() {
    }
}
