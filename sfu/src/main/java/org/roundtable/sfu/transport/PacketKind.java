package org.roundtable.sfu.transport;

/** What a datagram on a bundled ICE 5-tuple carries, by its first byte (RFC 7983 section 7). Pure function. */
public enum PacketKind {
    STUN, ZRTP, DTLS, TURN_CHANNEL, RTP_RTCP, UNKNOWN;

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
