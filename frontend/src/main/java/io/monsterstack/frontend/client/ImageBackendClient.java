package io.monsterstack.frontend.client;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.channel.ConnectTimeoutException;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** Fetches monster PNGs from the image backend and accepts only a real {@code 200 image/png}. */
@ApplicationScoped
public class ImageBackendClient {

    // The readiness probe's monster: a fixed name at the smallest size dnmonster's contract allows.
    private static final String PROBE_NAME = "monsterstack-readiness";
    private static final int PROBE_SIZE = 12;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final ImageBackendApi api;
    private final BackendCalls calls;
    private final String host;

    ImageBackendClient(@RestClient ImageBackendApi api, BackendCalls calls,
            @ConfigProperty(name = "quarkus.rest-client.imagebackend.url") URI url) {
        this.api = api;
        this.calls = calls;
        this.host = url.getHost();
    }

    /**
     * The PNG of a monster. A refused connection is retried once: behind DNS round-robin the
     * re-resolved name points at another replica, and the GET is idempotent. A connect that timed
     * out is not: it has spent its limit, and a second one would push the answer past the time
     * every answer must fit in (FrontendConfig).
     */
    @Retry(maxRetries = 1, delay = 0, retryOn = ConnectException.class, abortOn = ConnectTimeoutException.class)
    @BeforeRetry(BackendCalls.class)
    public Uni<byte[]> monster(String name, int size) {
        return calls.measured(api.monster(pathSegment(name), size)
                .onFailure().transform(this::unwrap)
                .map(ImageBackendClient::checkedPng));
    }

    /**
     * Completes when the backend renders a monster ({@code 200 image/png}), fails otherwise. A
     * backend that merely answers HTTP is reachable, not healthy; and amouat/dnmonster, which
     * answers 404 on "/", is a valid backend.
     */
    public Uni<Void> ping() {
        return api.monster(PROBE_NAME, PROBE_SIZE)
                .onFailure().transform(this::unwrap)
                .map(ImageBackendClient::checkedPng)
                .replaceWithVoid();
    }

    private static byte[] checkedPng(RestResponse<byte[]> response) {
        int status = response.getStatus();
        if (status >= 400 && status < 500) {
            throw new ImageBackendException(status, "image backend refused the request (" + status + ")");
        }
        if (status != 200) {
            throw ImageBackendException.unavailable("image backend answered " + status);
        }
        byte[] body = response.getEntity();
        String type = response.getHeaderString("Content-Type");
        if (type == null || !type.startsWith("image/png") || !isPng(body)) {
            throw ImageBackendException.unavailable("image backend sent something that is not a PNG");
        }
        return body;
    }

    private static boolean isPng(byte[] body) {
        return body != null && body.length > PNG_SIGNATURE.length
                && Arrays.equals(body, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
    }

    // Encoded here because the REST client leaves ';' as it is, and the backend would take "a;b" for
    // the name "a" with a matrix parameter: every name must reach the backend as the visitor gave it.
    private static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // The REST client wraps I/O errors; a refused connection must surface as itself for @Retry,
    // anything else becomes a plain "unavailable" without leaking internals to the visitor.
    private Throwable unwrap(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ImageBackendException) {
                return cause;
            }
            if (cause instanceof UnknownHostException) {
                return ImageBackendException.unavailable("cannot resolve " + host);
            }
            if (cause instanceof TimeoutException) {
                return ImageBackendException.tooSlow("image backend too slow");
            }
        }
        Log.debugf(failure, "Image backend call failed");
        return ImageBackendException.unavailable("image backend unreachable or too slow");
    }
}
