package io.monsterstack.frontend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.monsterstack.service.http.FilterOrder;
import io.monsterstack.service.http.HeaderSet;
import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * The headers of every answer: nosniff, and who served it (the replica's hostname and the app
 * version, which make load balancing visible). The page also may not be framed nor run scripts: it
 * has none, only its own CSS and images.
 */
@ApplicationScoped
public class AnswerHeaders {

    private static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    void register(@Observes Filters filters, Replica replica) {
        HeaderSet every = HeaderSet.EVERY_ANSWER
                .with("X-MonsterStack-Version", replica.version())
                .with("X-MonsterStack-Replica", replica.hostname());
        HeaderSet page = every
                .with("Content-Security-Policy", PAGE_POLICY)
                .with("X-Frame-Options", "DENY");
        filters.register(context -> {
            ("/".equals(context.request().path()) ? page : every).addTo(context.response().headers());
            context.next();
        }, FilterOrder.RESPONSE_HEADERS);
    }
}
