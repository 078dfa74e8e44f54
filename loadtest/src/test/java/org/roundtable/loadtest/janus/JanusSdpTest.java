package org.roundtable.loadtest.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.roundtable.sfu.sdp.OfferBuilder;
import org.roundtable.sfu.sdp.SessionDescription;

class JanusSdpTest {

    @Test
    void offerAsksJanusToBeTheDtlsServer() {
        String offer = new OfferBuilder("ufrag", "pwd0123456789012345678", "sha-256 AB:CD")
                .sendAudio(1, "c", "s", "t").build();
        SessionDescription adapted = SessionDescription.parse(JanusSdp.asDtlsClient(offer));
        assertEquals("active", adapted.setup());
        assertThrows(IllegalArgumentException.class, () -> JanusSdp.asDtlsClient("v=0\r\n"));
    }

    @Test
    void roomNumbersAreStableAndPositive() {
        assertEquals(JanusParticipants.roomNumber("bench"), JanusParticipants.roomNumber("bench"));
        assertEquals(true, JanusParticipants.roomNumber("x") > 0);
    }
}
