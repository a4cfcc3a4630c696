package io.monsterstack.frontend;

import io.vertx.core.buffer.Buffer;

/** A monster PNG ready to send: the bytes wrapped once and their strong ETag. */
record Monster(Buffer png, CharSequence etag) {

    static Monster of(byte[] png) {
        return new Monster(Buffer.buffer(png), Etags.of(png));
    }

    int weight() {
        return png.length() + etag.length();
    }
}
