package io.monsterstack.frontend;

import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.monsterstack.frontend.client.ImageBackendException;
import io.monsterstack.frontend.config.FrontendConfig;
import io.monsterstack.service.http.PlainText;

/**
 * {@code GET /monster/{name}}: the monster PNG. A plain Vert.x route rather than a REST resource,
 * because a cache hit is the hottest path of the site and must cost no more than writing a buffer.
 */
@ApplicationScoped
public class MonsterRoute {

    // Pre-encoded header values: a cache hit writes constants and the cached bytes, nothing else.
    private static final CharSequence IMMUTABLE = HttpHeaders.createOptimized("public, max-age=31536000, immutable");
    private static final CharSequence IMAGE_PNG = HttpHeaders.createOptimized("image/png");

    private final AvatarService avatars;
    private final MonsterLookups lookups;
    private final int nameMaxLength;
    private final String retryAfter;
    private final RateLimitedWarning backendDown = new RateLimitedWarning("Image backend failing, answering 503");

    MonsterRoute(AvatarService avatars, MonsterLookups lookups, FrontendConfig config) {
        this.avatars = avatars;
        this.lookups = lookups;
        this.nameMaxLength = config.nameMaxLength();
        this.retryAfter = Integer.toString(config.retryAfterSeconds());
    }

    void register(@Observes Router router) {
        router.get("/monster/:name").handler(this::serve);
        router.head("/monster/:name").handler(this::serve);
    }

    private void serve(RoutingContext context) {
        String name = context.pathParam("name");
        if (name.isEmpty() || name.length() > nameMaxLength) {
            PlainText.send(context.response(), 400, "name must be 1 to " + nameMaxLength + " characters");
            return;
        }
        Monster monster = avatars.cached(name);
        if (monster != null) {
            lookups.memory();
            send(context, monster);
            return;
        }
        // The load may complete on another event loop: reply on the one that owns this request.
        Context requestContext = Vertx.currentContext();
        avatars.monster(name).whenComplete((loaded, failure) -> requestContext.runOnContext(ignored -> {
            if (context.response().closed()) {
                return;
            }
            if (failure == null) {
                send(context, loaded);
            } else {
                fail(context, failure instanceof CompletionException ? failure.getCause() : failure);
            }
        }));
    }

    private static void send(RoutingContext context, Monster monster) {
        Etags.send(context, monster.png(), monster.etag(), IMAGE_PNG, IMMUTABLE);
    }

    private void fail(RoutingContext context, Throwable cause) {
        if (cause instanceof ImageBackendException backend && !backend.unavailable()) {
            PlainText.send(context.response(), backend.status(), backend.getMessage());
            return;
        }
        backendDown.log(cause);
        context.response().headers().set(HttpHeaders.RETRY_AFTER, retryAfter);
        PlainText.send(context.response(), 503, cause instanceof ImageBackendException
                ? cause.getMessage() : "image backend unreachable");
    }
}
