package org.roundtable.sfu.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class StunPeekTest {
    /** RFC 5769 section 2.1: a Binding Request with USERNAME "evtj:h6vY" after SOFTWARE, PRIORITY, ICE-CONTROLLED. */
    private static final byte[] RFC5769_REQUEST = HexFormat.of().parseHex(
            "000100582112a442b7e7a701bc34d686fa87dfae"
            + "802200105354554e207465737420636c69656e74"
            + "002400046e0001ff"
            + "80290008932ff9b151263b36"
            + "000600096576746a3a68367659202020"
            + "000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2"
            + "80280004e57a3bcf");

    @Test
    void readsTheLocalUfragOfTheRfc5769Request() {
        assertEquals("evtj", StunPeek.localUfrag(RFC5769_REQUEST, 0, RFC5769_REQUEST.length));
    }

    @Test
    void readsItAtAnOffset() {
        byte[] shifted = new byte[RFC5769_REQUEST.length + 7];
        System.arraycopy(RFC5769_REQUEST, 0, shifted, 5, RFC5769_REQUEST.length);
        assertEquals("evtj", StunPeek.localUfrag(shifted, 5, RFC5769_REQUEST.length));
    }

    @Test
    void aResponseNamesNoAgent() {
        byte[] response = RFC5769_REQUEST.clone();
        response[0] = 0x01; // Binding success response
        assertNull(StunPeek.localUfrag(response, 0, response.length));
    }

    @Test
    void aWrongCookieIsNoStun() {
        byte[] wrong = RFC5769_REQUEST.clone();
        wrong[4] = 0;
        assertNull(StunPeek.localUfrag(wrong, 0, wrong.length));
    }

    @Test
    void truncatedOrOverlongAttributesAreRefused() {
        assertNull(StunPeek.localUfrag(RFC5769_REQUEST, 0, 19));
        // cut inside the USERNAME value: its declared length runs past the datagram
        assertNull(StunPeek.localUfrag(RFC5769_REQUEST, 0, 20 + 20 + 8 + 12 + 4 + 5));
        byte[] overlong = RFC5769_REQUEST.clone();
        overlong[20 + 20 + 8 + 12 + 3] = (byte) 0xFF; // USERNAME claims 255 bytes
        assertNull(StunPeek.localUfrag(overlong, 0, overlong.length));
        assertNull(StunPeek.localUfrag(RFC5769_REQUEST, 0, RFC5769_REQUEST.length + 1));
    }

    @Test
    void aUsernameWithoutAColonOrLocalPartNamesNoAgent() {
        byte[] noColon = RFC5769_REQUEST.clone();
        noColon[20 + 20 + 8 + 12 + 4 + 4] = 'x';
        assertNull(StunPeek.localUfrag(noColon, 0, noColon.length));
        byte[] emptyLocal = RFC5769_REQUEST.clone();
        emptyLocal[20 + 20 + 8 + 12 + 4] = ':';
        assertNull(StunPeek.localUfrag(emptyLocal, 0, emptyLocal.length));
    }

    @Test
    void aRequestWithoutUsernameNamesNoAgent() {
        byte[] headerOnly = java.util.Arrays.copyOf(RFC5769_REQUEST, 20);
        headerOnly[2] = 0;
        headerOnly[3] = 0;
        assertNull(StunPeek.localUfrag(headerOnly, 0, headerOnly.length));
    }

    @Test
    void tellsStunFromOtherBytesThatStartLikeIt() {
        assertTrue(StunPeek.isStun(RFC5769_REQUEST, 0, RFC5769_REQUEST.length));
        assertTrue(StunPeek.isStun(RFC5769_REQUEST, 0, 20), "a header alone is a message");
        assertFalse(StunPeek.isStun(RFC5769_REQUEST, 0, 19));
        byte[] wrongCookie = RFC5769_REQUEST.clone();
        wrongCookie[7] ^= 1;
        assertFalse(StunPeek.isStun(wrongCookie, 0, wrongCookie.length));
        byte[] junk = new byte[40]; // first byte 0 like STUN, no cookie
        assertFalse(StunPeek.isStun(junk, 0, junk.length));
    }
}
