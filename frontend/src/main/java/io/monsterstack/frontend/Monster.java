package io.monsterstack.frontend;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;

/** A monster PNG ready to send: the bytes wrapped once and their strong ETag. */
record Monster(Buffer png, CharSequence etag) {

    static Monster of(byte[] png) {
        return new Monster(Buffer.buffer(png), HttpHeaders.createOptimized(etagOf(png)));
    }

    int weight() {
        return png.length() + etag.length();
    }

    private static String etagOf(byte[] png) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(png);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
