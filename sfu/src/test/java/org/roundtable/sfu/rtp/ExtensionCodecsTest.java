package org.roundtable.sfu.rtp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Byte vectors for the three small header-extension codecs. */
class ExtensionCodecsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void audioLevelReadsVoiceActivityAndLevel() {
        // RFC 6464 section 3: V bit then level in -dBov.
        byte[] b = HEX.parseHex("00d5" + "2a");
        assertTrue(AudioLevelExtension.voiceActivity(b, 1));
        assertEquals(0x55, AudioLevelExtension.level(b, 1));
        assertFalse(AudioLevelExtension.voiceActivity(b, 2));
        assertEquals(42, AudioLevelExtension.level(b, 2));
        AudioLevelExtension.write(b, 0, 127, true);
        assertEquals((byte) 0xFF, b[0]);
        AudioLevelExtension.write(b, 0, 200, false);
        assertEquals((byte) 0x7F, b[0]);
        AudioLevelExtension.write(b, 0, -3, false);
        assertEquals(0, b[0]);
    }

    @Test
    void transportCcSequenceIsBigEndian16Bit() {
        byte[] b = HEX.parseHex("ff" + "abcd" + "ff");
        assertEquals(0xABCD, TransportCcExtension.read(b, 1));
        TransportCcExtension.write(b, 1, 0x1_0102);
        assertEquals("ff0102ff", HEX.formatHex(b));
        assertEquals(0x0102, TransportCcExtension.read(b, 1));
    }

    @Test
    void absSendTimeIsSixPointEighteenFixedPointModulo64Seconds() {
        byte[] b = new byte[4];
        AbsSendTimeExtension.write(b, 1, 1_000_000_000L);
        assertEquals("00040000", HEX.formatHex(b), "1 s = 1 << 18");
        AbsSendTimeExtension.write(b, 1, 1_500_000_000L);
        assertEquals("00060000", HEX.formatHex(b));
        AbsSendTimeExtension.write(b, 1, 65_000_000_000L);
        assertEquals("00040000", HEX.formatHex(b), "wraps at 64 s");
        AbsSendTimeExtension.write(b, 1, 63_999_999_999L);
        assertEquals(0, AbsSendTimeExtension.read(b, 1), "rounds to the nearest tick, 64 s wraps to 0");
        AbsSendTimeExtension.write(b, 1, 10 * 3600 * 1_000_000_000L + 250_000_000L);
        // 10 h = 36000 s = 562 * 64 s + 32 s; 32.25 s * 2^18 = 0x810000
        assertEquals(0x810000, AbsSendTimeExtension.read(b, 1), "no overflow after hours of uptime");
        AbsSendTimeExtension.write(b, 1, -1_000_000_000L);
        assertEquals(63L << 18, AbsSendTimeExtension.read(b, 1), "negative clocks wrap too");
        assertEquals(1_000_000_000L, AbsSendTimeExtension.toNanos(0x040000));
        assertEquals(3814L, AbsSendTimeExtension.toNanos(1), "one tick is 1/262144 s");
        assertEquals(0xFFFFFF, AbsSendTimeExtension.read(HEX.parseHex("ffffff"), 0));
    }
}
