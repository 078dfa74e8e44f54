package org.roundtable.sfu.sdp;

/** RFC 3551 static payload types that may appear without an rtpmap; {name, clock rate, channels}. */
final class StaticPayloadTypes {
    private StaticPayloadTypes() {
    }

    static String[] rtpmap(int pt) {
        return switch (pt) {
            case 0 -> new String[] {"PCMU", "8000", "0"};
            case 3 -> new String[] {"GSM", "8000", "0"};
            case 8 -> new String[] {"PCMA", "8000", "0"};
            case 9 -> new String[] {"G722", "8000", "0"};
            case 13 -> new String[] {"CN", "8000", "0"};
            case 18 -> new String[] {"G729", "8000", "0"};
            default -> new String[] {"", "0", "0"};
        };
    }
}
