package org.roundtable.sfu.api;

/** A refused media request (bad SDP, role not allowed to publish, ...) with a clear message. */
public class MediaException extends RuntimeException {
    private final String code;

    public MediaException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Short machine-readable reason, e.g. {@code bad-sdp}, {@code not-allowed}. */
    public String code() {
        return code;
    }
}
