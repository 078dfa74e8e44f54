package org.roundtable.sfu.sdp;

import java.util.List;

/**
 * Policy: which of the offered payload types the server uses in one m-section, with which feedback.
 * Opus 48000/2 for audio; VP8 for video, H264 (packetization-mode 1, profile-level-id 42e01f) only when
 * VP8 is not offered (or the producer's codec is H264). Pure functions.
 */
final class CodecChoice {
    static final List<String> VIDEO_FEEDBACK = List.of("nack", "nack pli", "ccm fir", "goog-remb", "transport-cc");
    static final List<String> AUDIO_FEEDBACK = List.of("transport-cc");
    static final String OPUS_FMTP = "minptime=10;useinbandfec=1";

    /** The chosen codec (offered PT, answer fmtp and feedback) and its RTX codec or null. */
    record Choice(Codec codec, Codec rtx) {
        int rtxPt() {
            return rtx == null ? -1 : rtx.pt();
        }
    }

    private CodecChoice() {
    }

    /**
     * @param codecName the codec the media must use ({@code opus}, {@code VP8}, {@code H264}), or null for the
     *                  server's preference
     * @return the choice, or null when the section offers nothing we can use
     */
    static Choice choose(MediaSection section, String codecName) {
        return switch (section.kind()) {
            case "audio" -> codecName == null || codecName.equalsIgnoreCase("opus") ? opus(section) : null;
            case "video" -> video(section, codecName);
            default -> null;
        };
    }

    private static Choice opus(MediaSection section) {
        for (Codec codec : section.codecs()) {
            if (codec.isNamed("opus") && codec.clockRate() == 48000 && codec.channels() == 2) {
                return new Choice(codec.withFmtp(OPUS_FMTP).withRtxPt(-1).withRtcpFb(feedback(codec, AUDIO_FEEDBACK)),
                        null);
            }
        }
        return null;
    }

    private static Choice video(MediaSection section, String codecName) {
        if (codecName == null || codecName.equalsIgnoreCase("VP8")) {
            for (Codec codec : section.codecs()) {
                if (codec.isNamed("VP8") && codec.clockRate() == 90000) {
                    return withRtx(section, codec);
                }
            }
            if (codecName != null) {
                return null;
            }
        }
        if (codecName == null || codecName.equalsIgnoreCase("H264")) {
            for (Codec codec : section.codecs()) {
                if (codec.isNamed("H264") && codec.clockRate() == 90000 && "1".equals(codec.fmtpParam("packetization-mode"))
                        && "42e01f".equalsIgnoreCase(codec.fmtpParam("profile-level-id"))) {
                    return withRtx(section, codec);
                }
            }
        }
        return null;
    }

    private static Choice withRtx(MediaSection section, Codec codec) {
        Codec rtx = codec.rtxPt() >= 0 ? section.codec(codec.rtxPt()) : null;
        Codec chosen = codec.withRtcpFb(feedback(codec, VIDEO_FEEDBACK)).withRtxPt(rtx == null ? -1 : rtx.pt());
        Codec chosenRtx = rtx == null ? null : rtx.withRtcpFb(List.of()).withFmtp("apt=" + codec.pt());
        return new Choice(chosen, chosenRtx);
    }

    /** The offered feedback types we implement, in the offer's order. */
    private static List<String> feedback(Codec offered, List<String> supported) {
        return offered.rtcpFb().stream().filter(supported::contains).distinct().toList();
    }
}
