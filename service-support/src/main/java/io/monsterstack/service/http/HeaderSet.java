package io.monsterstack.service.http;

import java.util.Arrays;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Response headers encoded once ({@code HttpHeaders.createOptimized}) and added together: a
 * service's one header filter copies references, where a route or filter per header would each
 * be one more step of every request.
 */
public final class HeaderSet {

    /** What every answer of both services carries: browsers must not guess a content type. */
    public static final HeaderSet EVERY_ANSWER = new HeaderSet().with("X-Content-Type-Options", "nosniff");

    private final CharSequence[] namesAndValues;

    private HeaderSet(CharSequence... namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    private HeaderSet() {
        this(new CharSequence[0]);
    }

    /** These headers and one more. */
    public HeaderSet with(String name, String value) {
        CharSequence[] more = Arrays.copyOf(namesAndValues, namesAndValues.length + 2);
        more[namesAndValues.length] = HttpHeaders.createOptimized(name);
        more[namesAndValues.length + 1] = HttpHeaders.createOptimized(value);
        return new HeaderSet(more);
    }

    /** Adds the headers to an answer not yet sent. */
    public void addTo(MultiMap headers) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
    }

    /** A filter that adds them to every answer. */
    public Handler<RoutingContext> filter() {
        return context -> {
            addTo(context.response().headers());
            context.next();
        };
    }
}
