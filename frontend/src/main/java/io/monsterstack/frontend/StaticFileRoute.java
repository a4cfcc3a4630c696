package io.monsterstack.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The favicons and the stylesheet, read from {@code static/} on the classpath once at start and
 * served from memory. Quarkus serves META-INF/resources through Vert.x's file cache, which a JVM
 * shutdown hook deletes at SIGTERM: for the whole shutdown delay these answered 500 while the page
 * still worked (docs/zero-downtime.md).
 */
@ApplicationScoped
public class StaticFileRoute {

    // A day, as Quarkus' static handler sent it: the paths carry no version, so a changed file
    // reaches browsers within a day; then the ETag saves sending it again.
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("public, immutable, max-age=86400");

    /** Each file's path, on the site and under {@code static/}, and its content type. */
    private static final Map<String, String> TYPES = Map.of(
            "/favicon.svg", "image/svg+xml",
            "/favicon.ico", "image/x-icon",
            "/css/monsterstack.css", "text/css;charset=UTF-8");

    void register(@Observes Router router) {
        TYPES.forEach((path, type) -> {
            byte[] bytes = read(path);
            Buffer body = Buffer.buffer(bytes);
            CharSequence etag = Etags.of(bytes);
            CharSequence contentType = HttpHeaders.createOptimized(type);
            Handler<RoutingContext> send = context -> Etags.send(context, body, etag, contentType, CACHE_CONTROL);
            router.get(path).handler(send);
            router.head(path).handler(send);
        });
    }

    private static byte[] read(String path) {
        try (InputStream in = StaticFileRoute.class.getClassLoader().getResourceAsStream("static" + path)) {
            if (in == null) {
                throw new IllegalStateException("static" + path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
