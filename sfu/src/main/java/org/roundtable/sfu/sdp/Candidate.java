package org.roundtable.sfu.sdp;

/** One ICE candidate line (RFC 8839), the fields we need: without the {@code a=} prefix it reads {@code candidate:...}. Immutable: any thread. */
public record Candidate(String foundation, int component, String transport, long priority, String address, int port,
                        String type, String raw) {

    /** Parses {@code candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type> ...}. */
    public static Candidate parse(String line) {
        String value = line.startsWith("a=") ? line.substring(2) : line;
        if (!value.startsWith("candidate:")) {
            throw new SdpException("candidate '" + shorten(line) + "' does not start with candidate:");
        }
        String[] t = value.substring("candidate:".length()).trim().split(" +");
        if (t.length < 8 || !t[6].equals("typ")) {
            throw new SdpException("candidate '" + shorten(line)
                    + "' needs <foundation> <component> <transport> <priority> <address> <port> typ <type>");
        }
        int component = (int) Numbers.parse(t[1], 1, 256, "candidate component");
        long priority = Numbers.parse(t[3], 0, 0xFFFF_FFFFL, "candidate priority");
        int port = (int) Numbers.parse(t[5], 0, 65535, "candidate port");
        return new Candidate(t[0], component, t[2].toLowerCase(java.util.Locale.ROOT), priority, t[4], port, t[7],
                value);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
