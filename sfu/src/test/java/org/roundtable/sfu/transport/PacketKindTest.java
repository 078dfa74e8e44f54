package org.roundtable.sfu.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
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

    @Test
    void readsTheFirstRemainingByteOfABufferAndCallsAnEmptyOneUnknown() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {(byte) 200, 22, (byte) 0x80});
        b.position(1);
        assertEquals(PacketKind.DTLS, PacketKind.of(b));
        assertEquals(1, b.position(), "nothing consumed");
        assertEquals(PacketKind.UNKNOWN, PacketKind.of(ByteBuffer.allocate(0)));
    }

    @Test
    void aWebRtcTransportTakesStunDtlsAndRtpOnly() {
        for (PacketKind k : PacketKind.values()) {
            assertEquals(k == PacketKind.STUN || k == PacketKind.DTLS || k == PacketKind.RTP_RTCP, k.isWebRtc(), k.name());
        }
    }
}
