package io.monsterstack.frontend;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.monsterstack.service.http.IfNoneMatch;

/** Strong ETags derived from the bytes they tag, and the answer that honours {@code If-None-Match}. */
final class Etags {

    private Etags() {
    }

    /** The same bytes get the same tag on every replica and after every restart. */
    static CharSequence of(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HttpHeaders.createOptimized(
                    '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + '"');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** 304 when the client already holds the bytes tagged {@code etag}, else 200 with them; both carry the tag. */
    static void send(RoutingContext context, Buffer body, CharSequence etag, CharSequence type, CharSequence cacheControl) {
        HttpServerResponse response = context.response();
        response.headers()
                .set(HttpHeaders.ETAG, etag)
                .set(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (IfNoneMatch.matches(context.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatusCode(304).end();
            return;
        }
        // Set here, not by Vert.x, so that a HEAD answer says it too.
        response.headers()
                .set(HttpHeaders.CONTENT_TYPE, type)
                .set(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
        response.end(body);
    }
}
