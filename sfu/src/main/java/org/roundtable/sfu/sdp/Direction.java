package org.roundtable.sfu.sdp;

/** Media direction of an m-section or header extension (RFC 8866 section 6.7), from the describing side. */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    public String sdpName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The direction the other side uses when it agrees: sendonly and recvonly swap. */
    public Direction reversed() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** The direction named by an attribute, or null when {@code name} is not a direction attribute. */
    public static Direction fromSdp(String name) {
        return switch (name) {
            case "sendrecv" -> SENDRECV;
            case "sendonly" -> SENDONLY;
            case "recvonly" -> RECVONLY;
            case "inactive" -> INACTIVE;
            default -> null;
        };
    }
}
