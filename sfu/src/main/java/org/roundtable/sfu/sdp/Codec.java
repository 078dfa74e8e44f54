package org.roundtable.sfu.sdp;

import java.util.List;
import java.util.Locale;

/**
 * One payload type of an m-section: rtpmap, fmtp ({@code ""} if none), rtcp-fb values (wildcard ones
 * included) and the payload type of the RTX codec whose {@code apt} points here ({@code -1} if none).
 * {@code channels} is 0 when the rtpmap gives none.
 * Immutable: any thread.
 */
public record Codec(int pt, String name, int clockRate, int channels, String fmtp, List<String> rtcpFb, int rtxPt) {

    public Codec {
        fmtp = fmtp == null ? "" : fmtp;
        rtcpFb = List.copyOf(rtcpFb);
    }

    public boolean isNamed(String codecName) {
        return name.equalsIgnoreCase(codecName);
    }

    public boolean isRtx() {
        return isNamed("rtx");
    }

    /** The value of one {@code key=value} fmtp parameter (keys compared without case), or null. */
    public String fmtpParam(String key) {
        for (String part : fmtp.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(key)) {
                return part.substring(eq + 1).trim();
            }
        }
        return null;
    }

    /** For an RTX codec: the payload type it repairs ({@code apt}), or -1. */
    public int apt() {
        String apt = fmtpParam("apt");
        if (apt == null || apt.isEmpty() || apt.length() > 3 || !apt.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int value = Integer.parseInt(apt);
        return value <= 127 ? value : -1;
    }

    /** The rtpmap encoding as written in SDP, e.g. {@code opus/48000/2}. */
    public String rtpmap() {
        return name + "/" + clockRate + (channels > 0 ? "/" + channels : "");
    }

    Codec withRtcpFb(List<String> feedback) {
        return new Codec(pt, name, clockRate, channels, fmtp, feedback, rtxPt);
    }

    Codec withFmtp(String newFmtp) {
        return new Codec(pt, name, clockRate, channels, newFmtp, rtcpFb, rtxPt);
    }

    Codec withRtxPt(int newRtxPt) {
        return new Codec(pt, name, clockRate, channels, fmtp, rtcpFb, newRtxPt);
    }

    String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
