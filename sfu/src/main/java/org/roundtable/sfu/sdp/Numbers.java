package org.roundtable.sfu.sdp;

/** Decimal parsing that fails with an SdpException instead of NumberFormatException. */
final class Numbers {
    private Numbers() {
    }

    static long parse(String text, long min, long max, String what) {
        if (text.isEmpty() || text.length() > 19) {
            throw new SdpException(what + " '" + text + "' is not a number");
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new SdpException(what + " '" + text + "' is not a number");
            }
            value = value * 10 + (c - '0');
            if (value > max) {
                throw new SdpException(what + " " + text + " is above " + max);
            }
        }
        if (value < min) {
            throw new SdpException(what + " " + text + " is below " + min);
        }
        return value;
    }
}
