package io.monsterstack.frontend.client;

/** The image backend gave no usable PNG: a status to pass on (4xx) or an outage (503). */
public class ImageBackendException extends RuntimeException {

    private final int status;
    private final boolean timedOut;

    ImageBackendException(int status, String reason) {
        this(status, reason, false);
    }

    private ImageBackendException(int status, String reason, boolean timedOut) {
        super(reason, null, false, false);
        this.status = status;
        this.timedOut = timedOut;
    }

    /** The status the frontend should answer with. */
    public int status() {
        return status;
    }

    /** True when the backend is at fault (down, slow, 5xx, garbage), so the client may retry later. */
    public boolean unavailable() {
        return status == 503;
    }

    /** True when the backend gave no answer within the read timeout (an outage too). */
    public boolean timedOut() {
        return timedOut;
    }

    static ImageBackendException unavailable(String reason) {
        return new ImageBackendException(503, reason);
    }

    static ImageBackendException tooSlow(String reason) {
        return new ImageBackendException(503, reason, true);
    }
}
