package org.roundtable.sfu.transport;

import java.nio.ByteBuffer;

/** What a datagram on a bundled ICE 5-tuple carries, by its first byte (RFC 7983 section 7). Pure function. */
public enum PacketKind {
    STUN, ZRTP, DTLS, TURN_CHANNEL, RTP_RTCP, UNKNOWN;

    /** What the datagram in {@code bytes}' remaining content carries; UNKNOWN when empty. */
    public static PacketKind of(ByteBuffer bytes) {
        return bytes.hasRemaining() ? of(bytes.get(bytes.position())) : UNKNOWN;
    }

    /** Whether a WebRTC peer's transport takes it (STUN, DTLS, RTP/RTCP); the rest is dropped and counted. */
    public boolean isWebRtc() {
        return this == STUN || this == DTLS || this == RTP_RTCP;
    }

    public static PacketKind of(byte first) {
        int b = first & 0xFF;
        if (b <= 3) {
            return STUN;
        }
        if (b >= 16 && b <= 19) {
            return ZRTP;
        }
        if (b >= 20 && b <= 63) {
            return DTLS;
        }
        if (b >= 64 && b <= 79) {
            return TURN_CHANNEL;
        }
        if (b >= 128 && b <= 191) {
            return RTP_RTCP;
        }
        return UNKNOWN;
    }
}
