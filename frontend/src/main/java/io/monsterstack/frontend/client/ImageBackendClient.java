package io.monsterstack.frontend.client;

import java.net.ConnectException;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
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

    ImageBackendClient(@RestClient ImageBackendApi api) {
        this.api = api;
    }

    /**
     * The PNG of a monster. A refused connection is retried once: behind DNS round-robin the
     * re-resolved name points at another replica, and the GET is idempotent.
     */
    @Retry(maxRetries = 1, delay = 0, retryOn = ConnectException.class)
    public Uni<byte[]> monster(String name, int size) {
        return api.monster(name, size)
                .onFailure().transform(ImageBackendClient::unwrap)
                .map(ImageBackendClient::checkedPng);
    }

    /**
     * Completes when the backend renders a monster ({@code 200 image/png}), fails otherwise. A
     * backend that merely answers HTTP is reachable, not healthy; and amouat/dnmonster, which
     * answers 404 on "/", is a valid backend.
     */
    public Uni<Void> ping() {
        return api.monster(PROBE_NAME, PROBE_SIZE)
                .onFailure().transform(ImageBackendClient::unwrap)
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

    // The REST client wraps I/O errors; a refused connection must surface as itself for @Retry,
    // anything else becomes a plain "unavailable" without leaking internals to the visitor.
    private static Throwable unwrap(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ImageBackendException) {
                return cause;
            }
        }
        Log.debugf(failure, "Image backend call failed");
        return ImageBackendException.unavailable("image backend unreachable or too slow");
    }
}
