package org.roundtable.loadtest.janus;

/**
 * Adapts our Chromium-shaped offer for Janus: Janus answers {@code actpass} with
 * {@code a=setup:active}, while our client transport is always the DTLS client, so the offer
 * says {@code active}; and since we do not trickle over its API, our host candidate goes into
 * the SDP. Pure.
 */
final class JanusSdp {
    private JanusSdp() {
    }

    static String asDtlsClientWithCandidate(String offer, String candidateLine) {
        String candidate = candidateLine.startsWith("candidate:") ? candidateLine : "candidate:" + candidateLine;
        String withRole = offer.replace("a=setup:actpass", "a=setup:active");
        int mid = withRole.indexOf("a=mid:");
        if (mid < 0) {
            throw new IllegalArgumentException("offer without a=mid");
        }
        int lineEnd = withRole.indexOf("\r\n", mid);
        if (lineEnd < 0) {
            throw new IllegalArgumentException("offer lines must end with CRLF");
        }
        return withRole.substring(0, lineEnd + 2) + "a=" + candidate + "\r\na=end-of-candidates\r\n"
                + withRole.substring(lineEnd + 2);
    }
}
