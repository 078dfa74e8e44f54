package org.roundtable.sfu.sdp;

/** Appends SDP lines with CRLF ends; one instance per description being written. */
final class SdpText {
    private final StringBuilder text = new StringBuilder(2048);

    SdpText line(String line) {
        text.append(line).append("\r\n");
        return this;
    }

    SdpText attribute(String name, String value) {
        return line("a=" + name + ":" + value);
    }

    SdpText flag(String name) {
        return line("a=" + name);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** The standard session header: a deterministic session id from {@code seed}. */
    static void sessionHeader(SdpText out, String seed) {
        long sessionId = (seed.hashCode() & 0x7FFF_FFFFL) * 1_000_003L + 1;
        out.line("v=0").line("o=- " + sessionId + " 2 IN IP4 127.0.0.1").line("s=-").line("t=0 0");
    }
}
