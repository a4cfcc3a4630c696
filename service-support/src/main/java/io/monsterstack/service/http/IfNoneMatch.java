package io.monsterstack.service.http;

/**
 * Whether a request's {@code If-None-Match} names an entity tag, by RFC 9110's weak comparison: a
 * {@code W/} tag (as caches that weaken tags send it) matches its strong twin, and {@code *} matches
 * anything. JAX-RS' {@code Request.evaluatePreconditions} compares strongly (EntityTag.equals, so a
 * {@code W/} tag never gets its 304) and throws on a tag it cannot parse; Vert.x Web's
 * {@code RoutingContext.isFresh} also answers 200 to any {@code Cache-Control: no-cache}.
 */
public final class IfNoneMatch {

    private IfNoneMatch() {
    }

    /** True when {@code header} (null when absent) lists {@code etag} (quoted, as sent in ETag) or is {@code *}. */
    public static boolean matches(String header, CharSequence etag) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.contentEquals(etag)) {
                return true;
            }
        }
        return false;
    }
}
