package org.roundtable.loadtest.participant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.roundtable.sfu.sdp.Direction;
import org.roundtable.sfu.sdp.MediaSection;
import org.roundtable.sfu.sdp.SessionDescription;

class RemoteOfferAnswerTest {
    /** Shaped like a Janus 1.1 VideoRoom subscriber offer: audio, video with RTX, a data channel. */
    static final String OFFER = String.join("\r\n",
            "v=0", "o=- 1700000000 1 IN IP4 10.99.0.1", "s=VideoRoom 1", "t=0 0",
            "a=group:BUNDLE 0 1 2", "a=ice-options:trickle",
            "a=fingerprint:sha-256 AD:93:D5:8E:B5:27:D4:31:B5:CC:6C:D3:E3:6B:7F:F8:E5:E8:E7:00:86:1D:20:75:6D:D2:B5:0A:C1:03:A7:60",
            "a=msid-semantic: WMS *",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 10.99.0.1", "a=sendonly", "a=mid:0", "a=rtcp-mux",
            "a=ice-ufrag:xPaE", "a=ice-pwd:nJiheFiB4ZurE0x6FyhYNV", "a=setup:actpass", "a=rtpmap:111 opus/48000/2",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level", "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=ssrc:11 cname:janus", "a=candidate:1 1 udp 2015363583 10.99.0.1 20811 typ host", "a=end-of-candidates",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97", "c=IN IP4 10.99.0.1", "a=sendonly", "a=mid:1", "a=rtcp-mux",
            "a=ice-ufrag:xPaE", "a=ice-pwd:nJiheFiB4ZurE0x6FyhYNV", "a=setup:actpass", "a=rtpmap:96 VP8/90000",
            "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli",
            "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid", "a=extmap:13 urn:3gpp:video-orientation",
            "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96", "a=ssrc-group:FID 22 33", "a=ssrc:22 cname:janus",
            "a=ssrc:33 cname:janus", "a=candidate:1 1 udp 2015363583 10.99.0.1 20811 typ host",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 10.99.0.1", "a=mid:2",
            "a=sctp-port:5000", "") ;

    @Test
    void answersRecvonlyAsDtlsClientWithOurCodecsAndRejectsTheRest() {
        RemoteOfferAnswer a = new RemoteOfferAnswer(OFFER, "ourufrag", "ourpassword0123456789abc",
                "sha-256 FE:2F:B0:2F:D8:A8:0A:71:C7:5C:BB:53:88:29:9F:3A:EE:32:B1:9E:E8:90:B2:DB:4B:B6:C0:11:36:F5:7B:43");
        SessionDescription answer = SessionDescription.parse(a.sdp);
        assertEquals("ourufrag", answer.iceUfrag());
        assertEquals("active", answer.setup());
        assertEquals(java.util.List.of("0", "1"), answer.bundleMids());
        MediaSection audio = answer.media().get(0);
        assertEquals(Direction.RECVONLY, audio.direction());
        assertEquals(111, audio.codecs().get(0).pt());
        MediaSection video = answer.media().get(1);
        assertEquals("VP8", video.codecs().get(0).name());
        assertEquals(97, video.codecs().get(0).rtxPt());
        assertEquals(3, video.extensionId("http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"));
        assertEquals(-1, video.extensionId("urn:3gpp:video-orientation"), "extensions we do not read are not echoed");
        assertTrue(answer.media().get(2).isRejected());
        assertTrue(answer.media().get(0).candidates().isEmpty(), "the server learns us peer-reflexive");
        // what the connection takes from the offer
        assertEquals("xPaE", a.iceUfrag);
        assertEquals("10.99.0.1", a.candidateHost);
        assertEquals(20811, a.candidatePort);
        assertEquals(48_000, a.negotiated.clockRateByPt()[111]);
        assertEquals(96, a.negotiated.vp8Pt());
        assertEquals(3, a.negotiated.transportCcId());
        assertEquals(33L, a.negotiated.rtxSsrcs()[0]);
        assertEquals(22L, a.negotiated.rtxPrimarySsrcs()[0]);
    }
}
