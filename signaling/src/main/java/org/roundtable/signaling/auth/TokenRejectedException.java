package org.roundtable.signaling.auth;

/** A join token that grants nothing; {@link #reason()} is a short label for metrics and clients. */
public final class TokenRejectedException extends Exception {

    private final String reason;

    public TokenRejectedException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** {@code missing}, {@code expired}, {@code invalid} (bad signature, malformed) or {@code bad-claims}. */
    public String reason() {
        return reason;
    }
}
