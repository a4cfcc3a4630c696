package io.monsterstack.frontend.client;

/** The image backend gave no usable PNG: a status to pass on (4xx) or an outage (503). */
public class ImageBackendException extends RuntimeException {

    private final int status;

    ImageBackendException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    /** The status the frontend should answer with. */
    public int status() {
        return status;
    }

    /** True when the backend is at fault (down, slow, 5xx, garbage), so the client may retry later. */
    public boolean unavailable() {
        return status == 503;
    }

    static ImageBackendException unavailable(String reason) {
        return new ImageBackendException(503, reason);
    }
}
