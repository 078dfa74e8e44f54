package org.roundtable.loadtest.participant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.roundtable.sfu.sdp.Candidate;
import org.roundtable.sfu.sdp.Codec;
import org.roundtable.sfu.sdp.ExtensionUris;
import org.roundtable.sfu.sdp.MediaSection;
import org.roundtable.sfu.sdp.SdpException;
import org.roundtable.sfu.sdp.SessionDescription;

/**
 * The client's answer to a server's offer (servers such as Janus offer on the subscribe side):
 * per offered audio/video section a recvonly section with opus or VP8 (and its RTX), the
 * extensions the load test reads and {@code a=setup:active} (we are the DTLS client); other
 * sections are rejected. Also reads what the connection needs from the offer.
 * Pure: one instance per offer.
 */
final class RemoteOfferAnswer {
    private static final List<String> KEPT_EXTENSIONS = List.of(ExtensionUris.MID, ExtensionUris.ABS_SEND_TIME,
            ExtensionUris.TRANSPORT_CC, ExtensionUris.AUDIO_LEVEL);

    final String sdp;
    final SubscribeConnection.Negotiated negotiated;
    final String iceUfrag;
    final String icePwd;
    final String candidateHost;
    final int candidatePort;
    final String fingerprintAlgo;
    final String fingerprintHex;

    /**
     * Our candidate is left out of the answer: the server learns it as peer-reflexive from our
     * checks (the client harvester accepts only the path it opened itself).
     */
    RemoteOfferAnswer(String offerSdp, String ufrag, String pwd, String fingerprint) {
        SessionDescription offer = SessionDescription.parse(offerSdp);
        if (offer.iceUfrag() == null || offer.fingerprintHex() == null) {
            throw new SdpException("offer without ICE credentials or fingerprint");
        }
        StringBuilder b = new StringBuilder();
        b.append("v=0\r\no=- ").append(System.nanoTime() & 0x7FFFFFFFFFFFL).append(" 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
        List<String> mids = new ArrayList<>();
        for (MediaSection m : offer.media()) {
            if (m.mid() != null && chosen(m) != null) {
                mids.add(m.mid());
            }
        }
        if (mids.isEmpty()) {
            throw new SdpException("the offer has no opus or VP8 section to receive");
        }
        b.append("a=group:BUNDLE ").append(String.join(" ", mids)).append("\r\n");
        b.append("a=msid-semantic: WMS\r\n");
        int[] clockRateByPt = new int[128];
        boolean[] videoPt = new boolean[128];
        int vp8Pt = -1;
        int tcc = 0;
        List<long[]> rtx = new ArrayList<>();
        Candidate remote = null;
        for (MediaSection m : offer.media()) {
            for (Candidate c : m.candidates()) {
                if (remote == null && c.component() == 1 && "udp".equalsIgnoreCase(c.transport())) {
                    remote = c;
                }
            }
            Codec codec = chosen(m);
            if (codec == null || m.mid() == null) {
                b.append("m=").append(m.kind()).append(" 0 ").append(m.proto()).append(' ')
                        .append(m.formats().isEmpty() ? "0" : m.formats().get(0)).append("\r\n");
                b.append("c=IN IP4 0.0.0.0\r\n");
                if (m.mid() != null) {
                    b.append("a=mid:").append(m.mid()).append("\r\n");
                }
                continue;
            }
            Codec rtxCodec = codec.rtxPt() >= 0 ? m.codec(codec.rtxPt()) : null;
            b.append("m=").append(m.kind()).append(" 9 UDP/TLS/RTP/SAVPF ").append(codec.pt());
            if (rtxCodec != null) {
                b.append(' ').append(rtxCodec.pt());
            }
            b.append("\r\nc=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\n");
            b.append("a=ice-ufrag:").append(ufrag).append("\r\na=ice-pwd:").append(pwd).append("\r\n");
            b.append("a=fingerprint:").append(fingerprint).append("\r\na=setup:active\r\n");
            b.append("a=mid:").append(m.mid()).append("\r\n");
            for (Map.Entry<Integer, String> e : m.extensions().entrySet()) {
                if (KEPT_EXTENSIONS.contains(e.getValue())) {
                    b.append("a=extmap:").append(e.getKey()).append(' ').append(e.getValue()).append("\r\n");
                    if (e.getValue().equals(ExtensionUris.TRANSPORT_CC) && tcc == 0) {
                        tcc = e.getKey();
                    }
                }
            }
            b.append("a=recvonly\r\na=rtcp-mux\r\n");
            b.append("a=rtpmap:").append(codec.pt()).append(' ').append(codec.rtpmap()).append("\r\n");
            for (String fb : codec.rtcpFb()) {
                b.append("a=rtcp-fb:").append(codec.pt()).append(' ').append(fb).append("\r\n");
            }
            if (!codec.fmtp().isEmpty()) {
                b.append("a=fmtp:").append(codec.pt()).append(' ').append(codec.fmtp()).append("\r\n");
            }
            if (rtxCodec != null) {
                b.append("a=rtpmap:").append(rtxCodec.pt()).append(' ').append(rtxCodec.rtpmap()).append("\r\n");
                b.append("a=fmtp:").append(rtxCodec.pt()).append(" apt=").append(codec.pt()).append("\r\n");
            }
            clockRateByPt[codec.pt()] = codec.clockRate();
            videoPt[codec.pt()] = "video".equals(m.kind());
            if (codec.isNamed("VP8")) {
                vp8Pt = codec.pt();
            }
            for (Map.Entry<Long, Long> e : m.rtxSsrcByPrimary().entrySet()) {
                rtx.add(new long[] {e.getValue(), e.getKey(), codec.pt()});
            }
        }
        if (remote == null) {
            throw new SdpException("the offer carries no UDP host candidate (trickle is not supported here)");
        }
        long[] rtxSsrcs = new long[rtx.size()];
        long[] primaries = new long[rtx.size()];
        int[] pts = new int[rtx.size()];
        for (int i = 0; i < rtx.size(); i++) {
            rtxSsrcs[i] = rtx.get(i)[0];
            primaries[i] = rtx.get(i)[1];
            pts[i] = (int) rtx.get(i)[2];
        }
        this.sdp = b.toString();
        this.negotiated = new SubscribeConnection.Negotiated(clockRateByPt, videoPt, vp8Pt, tcc, rtxSsrcs, primaries, pts);
        this.iceUfrag = offer.iceUfrag();
        this.icePwd = offer.icePwd();
        this.candidateHost = remote.address();
        this.candidatePort = remote.port();
        this.fingerprintAlgo = offer.fingerprintAlgo();
        this.fingerprintHex = offer.fingerprintHex();
    }

    /** Opus for audio, VP8 for video, from a section that sends to us; null otherwise. */
    private static Codec chosen(MediaSection m) {
        if (m.isRejected() || !m.isRtp()) {
            return null;
        }
        String want = "audio".equals(m.kind()) ? "opus" : "video".equals(m.kind()) ? "VP8" : null;
        if (want == null) {
            return null;
        }
        for (Codec c : m.codecs()) {
            if (c.isNamed(want)) {
                return c;
            }
        }
        return null;
    }
}
