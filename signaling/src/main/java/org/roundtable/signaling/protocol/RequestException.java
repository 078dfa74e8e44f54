package org.roundtable.signaling.protocol;

/** A client message refused with an {@code error} reply; the session goes on. */
public final class RequestException extends RuntimeException {

    private final String code;

    public RequestException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
