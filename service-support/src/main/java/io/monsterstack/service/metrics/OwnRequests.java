package io.monsterstack.service.metrics;

/**
 * The requests a replica sends itself (its warm-up), marked by {@link #HEADER}: they are not
 * visitors' requests, so {@code http_server_requests} leaves them out and the figures a server
 * reports can be held against what its clients counted.
 */
public interface OwnRequests {

    /** The header that marks a replica's own request; only that process knows its value. */
    String HEADER = "X-MonsterStack-Warm-Up";

    /** True for the value of {@link #HEADER} on this replica's own requests, false for anything else. */
    boolean isOwnRequest(String headerValue);
}
