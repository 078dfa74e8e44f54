package org.roundtable.sfu.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PacketKindTest {
    @Test
    void classifiesByFirstByteAsRfc7983() {
        assertEquals(PacketKind.STUN, PacketKind.of((byte) 0));
        assertEquals(PacketKind.STUN, PacketKind.of((byte) 1));
        assertEquals(PacketKind.ZRTP, PacketKind.of((byte) 16));
        assertEquals(PacketKind.DTLS, PacketKind.of((byte) 20));
        assertEquals(PacketKind.DTLS, PacketKind.of((byte) 22));
        assertEquals(PacketKind.DTLS, PacketKind.of((byte) 63));
        assertEquals(PacketKind.TURN_CHANNEL, PacketKind.of((byte) 64));
        assertEquals(PacketKind.UNKNOWN, PacketKind.of((byte) 100));
        assertEquals(PacketKind.RTP_RTCP, PacketKind.of((byte) 128));
        assertEquals(PacketKind.RTP_RTCP, PacketKind.of((byte) 0x90));
        assertEquals(PacketKind.RTP_RTCP, PacketKind.of((byte) 191));
        assertEquals(PacketKind.UNKNOWN, PacketKind.of((byte) 192));
        assertEquals(PacketKind.UNKNOWN, PacketKind.of((byte) 255));
    }
}
