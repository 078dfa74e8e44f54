package org.roundtable.sfu.sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.roundtable.sfu.api.MediaKind;

/**
 * Client side (tests, load test): writes offers shaped like Chromium's (opus 111; VP8 96 with RTX 97 and
 * H264 108 with RTX 109; Chromium's extension ids; {@code a=setup:actpass}) and reads the server's answer.
 * Mids are "0", "1", ... in the order sections are added. One thread.
 */
public final class OfferBuilder {
    public static final int OPUS_PT = 111;
    public static final int VP8_PT = 96;
    public static final int VP8_RTX_PT = 97;
    public static final int H264_PT = 108;
    public static final int H264_RTX_PT = 109;

    private static final String[] AUDIO_EXTENSIONS = {
        "1 " + ExtensionUris.AUDIO_LEVEL, "2 " + ExtensionUris.ABS_SEND_TIME, "3 " + ExtensionUris.TRANSPORT_CC,
        "4 " + ExtensionUris.MID};
    private static final String[] VIDEO_EXTENSIONS = {
        "14 " + ExtensionUris.TOFFSET, "2 " + ExtensionUris.ABS_SEND_TIME, "13 " + ExtensionUris.VIDEO_ORIENTATION,
        "3 " + ExtensionUris.TRANSPORT_CC, "4 " + ExtensionUris.MID, "10 " + ExtensionUris.RTP_STREAM_ID,
        "11 " + ExtensionUris.REPAIRED_RTP_STREAM_ID};
    private static final String[] VIDEO_FEEDBACK = {"goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"};

    private record Section(MediaKind kind, Direction direction, long ssrc, long rtxSsrc, String cname,
                           String streamId, String trackId, List<String> rids) {
    }

    private final String ufrag;
    private final String pwd;
    private final String fingerprint;
    private final List<Section> sections = new ArrayList<>();

    /** @param fingerprint {@code "sha-256 AB:CD:..."} of the client's DTLS certificate */
    public OfferBuilder(String ufrag, String pwd, String fingerprint) {
        this.ufrag = ufrag;
        this.pwd = pwd;
        this.fingerprint = fingerprint.trim();
    }

    /** A sendonly opus section with {@code a=ssrc} cname and msid lines. */
    public OfferBuilder sendAudio(long ssrc, String cname, String streamId, String trackId) {
        sections.add(new Section(MediaKind.AUDIO, Direction.SENDONLY, ssrc, -1, cname, streamId, trackId, List.of()));
        return this;
    }

    /** A sendonly video section with primary and RTX SSRCs tied by {@code a=ssrc-group:FID}. */
    public OfferBuilder sendVideo(long ssrc, long rtxSsrc, String cname, String streamId, String trackId) {
        sections.add(new Section(MediaKind.VIDEO, Direction.SENDONLY, ssrc, rtxSsrc, cname, streamId, trackId,
                List.of()));
        return this;
    }

    /** A sendonly simulcast video section as Chromium writes it: rids and a=simulcast, no a=ssrc lines. */
    public OfferBuilder sendSimulcastVideo(List<String> rids, String streamId, String trackId) {
        sections.add(new Section(MediaKind.VIDEO, Direction.SENDONLY, -1, -1, null, streamId, trackId,
                List.copyOf(rids)));
        return this;
    }

    /** A recvonly section (subscribe connection), no SSRCs. */
    public OfferBuilder recvOnly(MediaKind kind) {
        sections.add(new Section(kind, Direction.RECVONLY, -1, -1, null, null, null, List.of()));
        return this;
    }

    /** The offer SDP, CRLF line ends. */
    public String build() {
        if (sections.isEmpty()) {
            throw new IllegalStateException("an offer needs at least one section");
        }
        SdpText out = new SdpText();
        SdpText.sessionHeader(out, ufrag);
        List<String> mids = new ArrayList<>();
        Set<String> streams = new LinkedHashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            mids.add(String.valueOf(i));
            if (sections.get(i).streamId() != null) {
                streams.add(sections.get(i).streamId());
            }
        }
        out.attribute("group", "BUNDLE " + String.join(" ", mids));
        out.flag("extmap-allow-mixed");
        out.line("a=msid-semantic: WMS" + (streams.isEmpty() ? "" : " " + String.join(" ", streams)));
        for (int i = 0; i < sections.size(); i++) {
            writeSection(out, String.valueOf(i), sections.get(i));
        }
        return out.toString();
    }

    private void writeSection(SdpText out, String mid, Section s) {
        boolean audio = s.kind() == MediaKind.AUDIO;
        String formats = audio ? String.valueOf(OPUS_PT)
                : VP8_PT + " " + VP8_RTX_PT + " " + H264_PT + " " + H264_RTX_PT;
        out.line("m=" + s.kind().sdpName() + " 9 UDP/TLS/RTP/SAVPF " + formats);
        out.line("c=IN IP4 0.0.0.0");
        out.attribute("rtcp", "9 IN IP4 0.0.0.0");
        out.attribute("ice-ufrag", ufrag);
        out.attribute("ice-pwd", pwd);
        out.attribute("ice-options", "trickle");
        out.attribute("fingerprint", fingerprint);
        out.attribute("setup", "actpass");
        out.attribute("mid", mid);
        for (String extension : audio ? AUDIO_EXTENSIONS : VIDEO_EXTENSIONS) {
            out.attribute("extmap", extension);
        }
        out.flag(s.direction().sdpName());
        if (s.trackId() != null) {
            out.attribute("msid", s.streamId() + " " + s.trackId());
        }
        out.flag("rtcp-mux");
        out.flag("rtcp-rsize");
        if (audio) {
            out.attribute("rtpmap", OPUS_PT + " opus/48000/2");
            out.attribute("rtcp-fb", OPUS_PT + " transport-cc");
            out.attribute("fmtp", OPUS_PT + " " + CodecChoice.OPUS_FMTP);
        } else {
            writeVideoCodec(out, VP8_PT, "VP8/90000", null, VP8_RTX_PT);
            writeVideoCodec(out, H264_PT, "H264/90000",
                    "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f", H264_RTX_PT);
        }
        if (!s.rids().isEmpty()) {
            s.rids().forEach(rid -> out.attribute("rid", rid + " send"));
            out.attribute("simulcast", "send " + String.join(";", s.rids()));
        } else if (s.ssrc() >= 0) {
            String msid = s.streamId() + " " + s.trackId();
            if (s.rtxSsrc() >= 0) {
                out.attribute("ssrc-group", "FID " + s.ssrc() + " " + s.rtxSsrc());
            }
            out.attribute("ssrc", s.ssrc() + " cname:" + s.cname());
            out.attribute("ssrc", s.ssrc() + " msid:" + msid);
            if (s.rtxSsrc() >= 0) {
                out.attribute("ssrc", s.rtxSsrc() + " cname:" + s.cname());
                out.attribute("ssrc", s.rtxSsrc() + " msid:" + msid);
            }
        }
    }

    private static void writeVideoCodec(SdpText out, int pt, String rtpmap, String fmtp, int rtxPt) {
        out.attribute("rtpmap", pt + " " + rtpmap);
        for (String feedback : VIDEO_FEEDBACK) {
            out.attribute("rtcp-fb", pt + " " + feedback);
        }
        if (fmtp != null) {
            out.attribute("fmtp", pt + " " + fmtp);
        }
        out.attribute("rtpmap", rtxPt + " rtx/90000");
        out.attribute("fmtp", rtxPt + " apt=" + pt);
    }

    /**
     * Reads the server's answer: remote ICE credentials, its UDP host candidate (component 1), fingerprint,
     * and per audio/video section the chosen codec, extension ids and the server's SSRCs.
     */
    public static ClientAnswer readAnswer(String answerSdp) {
        SessionDescription answer = SessionDescription.parse(answerSdp);
        if (answer.iceUfrag() == null || answer.icePwd() == null) {
            throw new SdpException("answer has no ICE credentials");
        }
        if (answer.fingerprintHex() == null) {
            throw new SdpException("answer has no a=fingerprint");
        }
        if (!"passive".equals(answer.setup())) {
            throw new SdpException("answer has a=setup:" + answer.setup() + "; this client is the DTLS client");
        }
        Candidate candidate = null;
        List<NegotiatedMedia> media = new ArrayList<>();
        for (MediaSection section : answer.media()) {
            for (Candidate c : section.candidates()) {
                if (candidate == null && c.component() == 1 && c.transport().equals("udp")) {
                    candidate = c;
                }
            }
            MediaKind kind = AnswerBuilder.kindOf(section);
            if (kind != null) {
                media.add(negotiated(section, kind));
            }
        }
        if (candidate == null) {
            throw new SdpException("answer has no UDP candidate for component 1");
        }
        return new ClientAnswer(answer.iceUfrag(), answer.icePwd(), candidate.address(), candidate.port(),
                answer.fingerprintAlgo(), answer.fingerprintHex(), media);
    }

    private static NegotiatedMedia negotiated(MediaSection section, MediaKind kind) {
        Codec codec = section.isRejected() ? null
                : section.codecs().stream().filter(c -> !c.isRtx() && !c.name().isEmpty()).findFirst().orElse(null);
        Direction direction = codec == null ? Direction.INACTIVE : section.direction().reversed();
        List<String> rids = section.simulcast() == null ? List.of() : Simulcast.firstRids(section.simulcast().recv());
        return new NegotiatedMedia(section.mid(), kind, direction, codec, codec == null ? -1 : codec.rtxPt(),
                AnswerSectionWriter.idsByUri(section.headerExtensions()), section.primarySsrcs(),
                section.rtxSsrcByPrimary(), rids);
    }
}
