package org.roundtable.sfu.ice;

import java.nio.charset.StandardCharsets;

/**
 * Reads just enough of a datagram to route it on the shared port: whether it is a STUN message at
 * all (RFC 5389 section 6: a 20-byte header with the magic cookie), and which local ICE agent a
 * Binding Request is for, the ufrag before the colon of its USERNAME (RFC 8445 section 7.2.2, RFC
 * 5389 section 15.3). That is how the port tells a new peer's first check apart from a stranger's
 * datagram. Pure functions.
 */
public final class StunPeek {
    private static final int HEADER = 20;
    private static final int BINDING_REQUEST = 0x0001;
    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int USERNAME = 0x0006;

    private StunPeek() {
    }

    /** Whether the datagram is a STUN message (its header, with the magic cookie); the rest is not checked. */
    public static boolean isStun(byte[] buf, int off, int len) {
        return len >= HEADER && off >= 0 && off + len <= buf.length && (buf[off] & 0xC0) == 0
                && int32(buf, off + 4) == MAGIC_COOKIE;
    }

    /** The local ufrag a Binding Request names, or null for anything else (or a malformed one). */
    public static String localUfrag(byte[] buf, int off, int len) {
        if (!isStun(buf, off, len) || uint16(buf, off) != BINDING_REQUEST) {
            return null;
        }
        int end = off + Math.min(len, HEADER + uint16(buf, off + 2));
        int at = off + HEADER;
        while (at + 4 <= end) {
            int type = uint16(buf, at);
            int length = uint16(buf, at + 2);
            int value = at + 4;
            if (value + length > end) {
                return null;
            }
            if (type == USERNAME) {
                for (int i = value; i < value + length; i++) {
                    if (buf[i] == ':') {
                        return i == value ? null : new String(buf, value, i - value, StandardCharsets.UTF_8);
                    }
                }
                return null;
            }
            at = value + ((length + 3) & ~3);
        }
        return null;
    }

    private static int uint16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int int32(byte[] b, int at) {
        return (uint16(b, at) << 16) | uint16(b, at + 2);
    }
}
