package org.roundtable.sfu.sdp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the lines of one answer m-section shared by publish and subscribe answers; caller's thread. */
final class AnswerSectionWriter {
    private AnswerSectionWriter() {
    }

    /**
     * Port 0, the offered proto and first format, a=mid so the browser can match it. The transport lines are
     * kept (as other SFUs do) so that no parser misses them on a rejected section.
     */
    static void writeRejected(SdpText out, MediaSection offered, LocalTransportInfo local) {
        String firstFormat = offered.formats().get(0);
        out.line("m=" + offered.kind() + " 0 " + offered.proto() + " " + firstFormat);
        out.line("c=IN IP4 0.0.0.0");
        writeTransport(out, local);
        if (offered.mid() != null) {
            out.attribute("mid", offered.mid());
        }
        if (offered.isRtp()) {
            out.flag(Direction.INACTIVE.sdpName());
            out.flag("rtcp-mux");
            Codec codec = offered.codec(MediaSection.payloadTypeOrMinusOne(firstFormat));
            if (codec != null && !codec.name().isEmpty()) {
                out.attribute("rtpmap", codec.pt() + " " + codec.rtpmap());
            }
        }
    }

    /**
     * Header, transport, mid, extensions, direction, rtcp-mux/rsize and codec lines of an accepted section.
     * The transport section (the first accepted one) carries the candidate's address and port.
     */
    static void writeAccepted(SdpText out, MediaSection offered, CodecChoice.Choice choice, Direction direction,
                              LocalTransportInfo local, boolean transportSection, boolean sessionAllowMixed,
                              List<HeaderExtension> extensions) {
        Candidate candidate = local.candidate();
        String formats = choice.codec().pt() + (choice.rtx() != null ? " " + choice.rtx().pt() : "");
        int port = transportSection ? candidate.port() : 9;
        String address = transportSection ? candidate.address() : "0.0.0.0";
        out.line("m=" + offered.kind() + " " + port + " " + offered.proto() + " " + formats);
        out.line("c=IN " + (address.contains(":") ? "IP6 " : "IP4 ") + address);
        writeTransport(out, local);
        out.attribute("mid", offered.mid());
        for (HeaderExtension extension : extensions) {
            String id = extension.direction() == null ? String.valueOf(extension.id())
                    : extension.id() + "/" + extension.direction().reversed().sdpName();
            out.attribute("extmap", id + " " + extension.uri());
        }
        out.flag(direction.sdpName());
        out.flag("rtcp-mux");
        if (offered.rtcpRsize()) {
            out.flag("rtcp-rsize");
        }
        if (offered.extmapAllowMixed() && !sessionAllowMixed) {
            out.flag("extmap-allow-mixed");
        }
        writeCodec(out, choice.codec());
        if (choice.rtx() != null) {
            writeCodec(out, choice.rtx());
        }
    }

    private static void writeTransport(SdpText out, LocalTransportInfo local) {
        out.attribute("ice-ufrag", local.ufrag());
        out.attribute("ice-pwd", local.pwd());
        out.attribute("fingerprint", local.fingerprint().trim());
        out.attribute("setup", "passive");
    }

    private static void writeCodec(SdpText out, Codec codec) {
        out.attribute("rtpmap", codec.pt() + " " + codec.rtpmap());
        for (String feedback : codec.rtcpFb()) {
            out.attribute("rtcp-fb", codec.pt() + " " + feedback);
        }
        if (!codec.fmtp().isEmpty()) {
            out.attribute("fmtp", codec.pt() + " " + codec.fmtp());
        }
    }

    static void writeCandidate(SdpText out, LocalTransportInfo local) {
        out.line("a=" + local.candidateAttribute());
        out.flag("end-of-candidates");
    }

    /** The offered extensions we handle (not inactive ones), with the offer's ids. */
    static List<HeaderExtension> supportedExtensions(MediaSection offered) {
        return offered.headerExtensions().stream()
                .filter(e -> ExtensionUris.SUPPORTED.contains(e.uri()))
                .filter(e -> e.direction() != Direction.INACTIVE)
                .toList();
    }

    static Map<String, Integer> idsByUri(List<HeaderExtension> extensions) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        extensions.forEach(e -> ids.putIfAbsent(e.uri(), e.id()));
        return ids;
    }
}
