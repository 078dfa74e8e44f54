package org.roundtable.sfu.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roundtable.sfu.api.MediaKind;

/**
 * Builds the server's answers (always ICE-controlled, DTLS passive, one BUNDLE group, one host candidate).
 * Stateless: any thread.
 */
public final class AnswerBuilder {
    private AnswerBuilder() {
    }

    /** Publish connection: the browser sends, the server answers recvonly with opus / VP8 (+RTX) / H264. */
    public static Answer answerPublish(SessionDescription offer, LocalTransportInfo local) {
        OfferRequirements.check(offer);
        List<CodecChoice.Choice> choices = new ArrayList<>();
        for (MediaSection section : offer.media()) {
            choices.add(section.isRejected() ? null : CodecChoice.choose(section, null));
        }
        SdpText out = header(offer, local, choices, Set.of());
        List<NegotiatedMedia> negotiated = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < offer.media().size(); i++) {
            MediaSection section = offer.media().get(i);
            CodecChoice.Choice choice = choices.get(i);
            MediaKind kind = kindOf(section);
            if (choice == null) {
                AnswerSectionWriter.writeRejected(out, section, local);
                if (kind != null) {
                    negotiated.add(rejected(section, kind));
                }
                continue;
            }
            Direction direction = section.direction().sends() ? Direction.RECVONLY : Direction.INACTIVE;
            List<HeaderExtension> extensions = AnswerSectionWriter.supportedExtensions(section);
            AnswerSectionWriter.writeAccepted(out, section, choice, direction, local, first,
                    offer.extmapAllowMixed(), extensions);
            List<String> rids = writeSimulcastRecv(out, section);
            if (first) {
                AnswerSectionWriter.writeCandidate(out, local);
                first = false;
            }
            negotiated.add(new NegotiatedMedia(section.mid(), kind, direction, choice.codec(), choice.rtxPt(),
                    AnswerSectionWriter.idsByUri(extensions), section.primarySsrcs(), section.rtxSsrcByPrimary(),
                    rids));
        }
        return new Answer(out.toString(), negotiated);
    }

    /**
     * Subscribe connection: the browser offered recvonly sections; each mid with a track is answered
     * sendonly with the receiver's own payload types and the track's SSRCs, the others inactive.
     */
    public static Answer answerSubscribe(SessionDescription offer, LocalTransportInfo local,
                                         Map<String, OutgoingTrack> byMid) {
        OfferRequirements.check(offer);
        for (String mid : byMid.keySet()) {
            MediaSection section = offer.mediaByMid(mid);
            if (section == null) {
                throw new SdpException("a track is assigned to mid " + mid + " but the offer has no such m-section");
            }
            OutgoingTrack track = byMid.get(mid);
            if (track != null && !track.kind().sdpName().equals(section.kind())) {
                throw new SdpException("mid " + mid + " is " + section.kind() + " but track " + track.trackId()
                        + " is " + track.kind().sdpName());
            }
        }
        List<CodecChoice.Choice> choices = new ArrayList<>();
        Set<String> streamIds = new LinkedHashSet<>();
        for (MediaSection section : offer.media()) {
            OutgoingTrack track = section.mid() == null ? null : byMid.get(section.mid());
            choices.add(section.isRejected() ? null
                    : CodecChoice.choose(section, track == null ? null : track.codecName()));
            if (track != null) {
                streamIds.add(track.streamId());
            }
        }
        SdpText out = header(offer, local, choices, streamIds);
        List<NegotiatedMedia> negotiated = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < offer.media().size(); i++) {
            MediaSection section = offer.media().get(i);
            CodecChoice.Choice choice = choices.get(i);
            MediaKind kind = kindOf(section);
            if (choice == null) {
                AnswerSectionWriter.writeRejected(out, section, local);
                if (kind != null) {
                    negotiated.add(rejected(section, kind));
                }
                continue;
            }
            OutgoingTrack track = byMid.get(section.mid());
            boolean sending = track != null && section.direction().receives();
            Direction direction = sending ? Direction.SENDONLY : Direction.INACTIVE;
            List<HeaderExtension> extensions = AnswerSectionWriter.supportedExtensions(section);
            AnswerSectionWriter.writeAccepted(out, section, choice, direction, local, first,
                    offer.extmapAllowMixed(), extensions);
            List<Long> ssrcs = List.of();
            Map<Long, Long> rtx = Map.of();
            if (sending) {
                boolean withRtx = track.hasRtx() && choice.rtx() != null;
                writeSendSsrcs(out, track, withRtx);
                ssrcs = List.of(track.ssrc());
                rtx = withRtx ? Map.of(track.ssrc(), track.rtxSsrc()) : Map.of();
            }
            if (first) {
                AnswerSectionWriter.writeCandidate(out, local);
                first = false;
            }
            negotiated.add(new NegotiatedMedia(section.mid(), kind, direction, choice.codec(), choice.rtxPt(),
                    AnswerSectionWriter.idsByUri(extensions), ssrcs, rtx, List.of()));
        }
        return new Answer(out.toString(), negotiated);
    }

    private static SdpText header(SessionDescription offer, LocalTransportInfo local,
                                  List<CodecChoice.Choice> choices, Set<String> streamIds) {
        List<String> bundle = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i) != null) {
                bundle.add(offer.media().get(i).mid());
            }
        }
        if (bundle.isEmpty()) {
            throw new SdpException("offer has no audio or video m-section with a codec the server supports"
                    + " (opus/48000/2, VP8, H264 packetization-mode=1 profile-level-id=42e01f)");
        }
        SdpText out = new SdpText();
        SdpText.sessionHeader(out, local.ufrag());
        out.attribute("group", "BUNDLE " + String.join(" ", bundle));
        if (offer.extmapAllowMixed()) {
            out.flag("extmap-allow-mixed");
        }
        out.line("a=msid-semantic: WMS" + (streamIds.isEmpty() ? "" : " " + String.join(" ", streamIds)));
        return out;
    }

    /** Answers an offered send simulcast with the same rids as recv; returns the rids (first alternatives). */
    private static List<String> writeSimulcastRecv(SdpText out, MediaSection section) {
        Simulcast simulcast = section.simulcast();
        if (simulcast == null || simulcast.send().isEmpty() || !section.kind().equals("video")) {
            return List.of();
        }
        Set<String> named = new HashSet<>();
        simulcast.send().forEach(stream -> stream.forEach(rid -> named.add(Simulcast.stripPause(rid))));
        for (Rid rid : section.ridDescriptions()) {
            if (rid.send() && named.contains(rid.id())) {
                out.attribute("rid", rid.id() + " recv");
            }
        }
        List<String> streams = simulcast.send().stream().map(alternatives -> String.join(",", alternatives)).toList();
        out.attribute("simulcast", "recv " + String.join(";", streams));
        return Simulcast.firstRids(simulcast.send());
    }

    private static void writeSendSsrcs(SdpText out, OutgoingTrack track, boolean withRtx) {
        String msid = track.streamId() + " " + track.trackId();
        out.attribute("msid", msid);
        if (withRtx) {
            out.attribute("ssrc-group", "FID " + track.ssrc() + " " + track.rtxSsrc());
        }
        out.attribute("ssrc", track.ssrc() + " cname:" + track.cname());
        out.attribute("ssrc", track.ssrc() + " msid:" + msid);
        if (withRtx) {
            out.attribute("ssrc", track.rtxSsrc() + " cname:" + track.cname());
            out.attribute("ssrc", track.rtxSsrc() + " msid:" + msid);
        }
    }

    private static NegotiatedMedia rejected(MediaSection section, MediaKind kind) {
        return new NegotiatedMedia(section.mid(), kind, Direction.INACTIVE, null, -1, Map.of(), List.of(), Map.of(),
                List.of());
    }

    static MediaKind kindOf(MediaSection section) {
        return switch (section.kind()) {
            case "audio" -> MediaKind.AUDIO;
            case "video" -> MediaKind.VIDEO;
            default -> null;
        };
    }
}
