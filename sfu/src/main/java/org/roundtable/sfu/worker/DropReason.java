package org.roundtable.sfu.worker;

/** Why the media path dropped a packet; {@link #label()} is the metrics name. Immutable. */
public enum DropReason {
    MALFORMED("malformed"),
    NOT_PUBLISHER("not-publisher"),
    MUTED_BY_SERVER("muted-by-server"),
    UNKNOWN_SSRC("unknown-ssrc"),
    SRTP("srtp"),
    NO_ENDPOINT("no-endpoint"),
    QUEUE_FULL("queue-full"),
    /** Waited in a worker's inbox longer than real-time media is worth (overload sheds, never queues). */
    STALE("stale"),
    /** A send lane was full. */
    SEND_QUEUE_FULL("send-queue-full"),
    PADDING_ONLY("padding-only"),
    NOT_CONNECTED("not-connected"),
    SEND_FAILED("send-failed"),
    TOO_LARGE("too-large"),
    UNEXPECTED_RTP("unexpected-rtp"),
    NACK_MISS("nack-miss"),
    LAYER_NOT_FORWARDED("layer-not-forwarded"),
    /** A retransmission of a packet that is not missing (already forwarded, or given up). */
    DUPLICATE_RETRANSMISSION("duplicate-retransmission"),
    CLOSED("closed");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
