package io.monsterstack.imagebackend;

import io.monsterstack.service.http.IfNoneMatch;
import io.monsterstack.service.http.PlainText;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.HexFormat;
import java.util.List;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code GET /monster/{name}}: the monster PNG of a name, a drop-in for dnmonster's route. */
@Path("/monster")
@NonBlocking // rendering takes microseconds: stay on the event loop
public class MonsterImageResource {

    /** Side in pixels when no size, width or height is given (dnmonster's default). */
    static final int DEFAULT_SIZE = 20;

    /** A name's picture never changes within an art version, which is part of the ETag. */
    private static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_DIGITS = 9;

    private final MonsterConfig config;
    private final DrawnMonsters drawn;
    private final int maxSize;

    MonsterImageResource(MonsterConfig config, DrawnMonsters drawn) {
        this.config = config;
        this.drawn = drawn;
        this.maxSize = config.maxSize();
    }

    @GET
    @Path("{name}")
    public Response monster(@RestPath String name, @RestQuery List<String> size, @RestQuery List<String> width,
            @RestQuery List<String> height, @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (name.codePointCount(0, name.length()) > config.maxNameLength()) {
            throw PlainText.refusal(Response.Status.REQUEST_URI_TOO_LONG,
                    "name longer than " + config.maxNameLength() + " characters");
        }
        int side = side(size, width, height);
        byte[] seed = MonsterRenderer.seed(name);
        String etag = "\"" + MonsterRenderer.ART_VERSION + "-" + HEX.formatHex(seed, 0, 16) + "-" + side + "\"";
        Response.ResponseBuilder response;
        if (IfNoneMatch.matches(ifNoneMatch, etag)) {
            response = Response.notModified();
        } else {
            long start = System.nanoTime();
            byte[] png = MonsterRenderer.render(seed, side);
            drawn.record(side, System.nanoTime() - start);
            // Set explicitly so that HEAD, which drops the body, still tells the length.
            response = Response.ok(png, "image/png").header(HttpHeaders.CONTENT_LENGTH, png.length);
        }
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER).build();
    }

    /** dnmonster's rule: width and height override size, the side is the larger, at least 12. */
    private int side(List<String> size, List<String> width, List<String> height) {
        int side;
        if (width.isEmpty() && height.isEmpty()) {
            side = size.isEmpty() ? DEFAULT_SIZE : pixels("size", size);
        } else {
            side = Math.max(width.isEmpty() ? 0 : pixels("width", width), height.isEmpty() ? 0 : pixels("height", height));
        }
        return Math.max(side, MonsterRenderer.MIN_SIDE);
    }

    private int pixels(String parameter, List<String> values) {
        if (values.size() > 1) {
            throw PlainText.refusal(Response.Status.BAD_REQUEST, parameter + " given more than once");
        }
        String value = values.get(0);
        if (value.isEmpty() || value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // Longer digit strings are refused here, before they can overflow an int.
            throw PlainText.refusal(Response.Status.BAD_REQUEST, parameter + " must be a whole number of pixels up to " + maxSize);
        }
        int pixels = Integer.parseInt(value);
        if (pixels > maxSize) {
            throw PlainText.refusal(Response.Status.BAD_REQUEST, parameter + " must be at most " + maxSize + " pixels");
        }
        return pixels;
    }
}
