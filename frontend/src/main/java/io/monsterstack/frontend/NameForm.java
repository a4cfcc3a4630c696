package io.monsterstack.frontend;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code name} field of the page's form body. Decoded here rather than by {@code @RestForm},
 * whose decoder answers a stray {@code %} with an uncaught exception: no answer and a stack trace.
 */
final class NameForm {

    /** Longest field value, decoded, in bytes: what quarkus.http.limits.max-form-attribute-size does for @RestForm. */
    static final int MAX_FIELD_BYTES = 4096;

    private static final RateLimitedWarning MALFORMED = new RateLimitedWarning("Malformed form bodies answered with 400");

    private NameForm() {
    }

    /** The first {@code name} value, null without one; every field must be valid URL encoding and fit. */
    static String name(String body) throws MalformedFormException, FieldTooLargeException {
        String name = null;
        for (String field : body.split("&")) {
            int equals = field.indexOf('=');
            String key = decode(equals < 0 ? field : field.substring(0, equals));
            String value = decode(equals < 0 ? "" : field.substring(equals + 1));
            if (value.getBytes(StandardCharsets.UTF_8).length > MAX_FIELD_BYTES) {
                throw new FieldTooLargeException();
            }
            if (name == null && key.equals("name")) {
                name = value;
            }
        }
        return name;
    }

    private static String decode(String encoded) throws MalformedFormException {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            MALFORMED.log(e);
            throw new MalformedFormException();
        }
    }

    /** The body is not {@code application/x-www-form-urlencoded}, for example a {@code %} without two hex digits. */
    static final class MalformedFormException extends Exception {
        MalformedFormException() {
            super("form data must be URL encoded", null, false, false);
        }
    }

    /** A field longer than {@link #MAX_FIELD_BYTES}: answered 413 like any oversized request part. */
    static final class FieldTooLargeException extends Exception {
        FieldTooLargeException() {
            super("form fields are limited to " + MAX_FIELD_BYTES + " bytes", null, false, false);
        }
    }
}
