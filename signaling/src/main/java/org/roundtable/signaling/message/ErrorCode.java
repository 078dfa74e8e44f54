package org.roundtable.signaling.message;

/** The {@code code} values of {@code error} messages (docs/protocol.md lists them with meanings). */
public final class ErrorCode {
    public static final String BAD_JSON = "bad-json";
    public static final String TOO_LARGE = "too-large";
    public static final String BINARY_NOT_SUPPORTED = "binary-not-supported";
    public static final String MISSING_FIELD = "missing-field";
    public static final String BAD_FIELD = "bad-field";
    public static final String UNKNOWN_TYPE = "unknown-type";
    public static final String NOT_ALLOWED = "not-allowed";
    public static final String NOT_PUBLISHED = "not-published";
    public static final String MEDIA_ERROR = "media-error";
    public static final String MEDIA_EXPIRED = "media-expired";
    public static final String INVALID_TOKEN = "invalid-token";
    public static final String INTERNAL = "internal";

    /** Codes a client message can be refused with (pre-registered as metric labels). */
    public static final java.util.List<String> MESSAGE_REFUSALS = java.util.List.of(BAD_JSON, TOO_LARGE,
            BINARY_NOT_SUPPORTED, MISSING_FIELD, BAD_FIELD, UNKNOWN_TYPE, NOT_ALLOWED, MEDIA_ERROR, INTERNAL);

    private ErrorCode() {
    }
}
