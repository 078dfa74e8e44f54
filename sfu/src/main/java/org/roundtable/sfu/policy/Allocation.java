package org.roundtable.sfu.policy;

import org.roundtable.sfu.api.MediaKind;

/**
 * What the SFU forwards, decided as pure functions of the publisher's and receiver's flags
 * (role, server-side mute, floor). The forwarding code asks and obeys; it never decides itself.
 */
public final class Allocation {
    private Allocation() { }

    /** The verdict on a packet from a publisher. */
    public enum Verdict { FORWARD, NOT_PUBLISHER, MUTED_BY_SERVER }

    /** Whether a packet of {@code kind} from an endpoint with these flags is forwarded at all. */
    public static Verdict forPublished(MediaKind kind, boolean mayPublish, boolean audioForwarded, boolean videoForwarded) {
        if (!mayPublish) {
            return Verdict.NOT_PUBLISHER;
        }
        boolean forwarded = kind == MediaKind.AUDIO ? audioForwarded : videoForwarded;
        return forwarded ? Verdict.FORWARD : Verdict.MUTED_BY_SERVER;
    }

    /**
     * Whether one consumer gets a packet: only once its receiver's transport is up (packets sent
     * before would only be dropped by it) and when it is not the publisher itself.
     */
    public static boolean consumerGets(boolean receiverConnected, boolean receiverIsPublisher) {
        return receiverConnected && !receiverIsPublisher;
    }
}
