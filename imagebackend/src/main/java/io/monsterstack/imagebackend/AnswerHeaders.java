package io.monsterstack.imagebackend;

import io.monsterstack.service.http.FilterOrder;
import io.monsterstack.service.http.HeaderSet;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The headers of every answer: nosniff. */
@ApplicationScoped
public class AnswerHeaders {

    void register(@Observes Filters filters) {
        filters.register(HeaderSet.EVERY_ANSWER.filter(), FilterOrder.RESPONSE_HEADERS);
    }
}
