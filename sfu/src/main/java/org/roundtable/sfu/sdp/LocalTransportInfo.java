package org.roundtable.sfu.sdp;

/**
 * The answering side's transport values: ICE credentials, DTLS fingerprint {@code "sha-256 AB:CD:..."} and
 * its one candidate line {@code "candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host"} (no {@code a=}).
 * Immutable: any thread.
 */
public record LocalTransportInfo(String ufrag, String pwd, String fingerprint, String candidateLine) {

    public LocalTransportInfo {
        if (ufrag == null || pwd == null || fingerprint == null || candidateLine == null) {
            throw new IllegalArgumentException("every LocalTransportInfo field is required");
        }
        if (fingerprint.trim().split(" +").length != 2) {
            throw new IllegalArgumentException("fingerprint must read '<hash> <hex>': " + fingerprint);
        }
        Candidate.parse(candidateLine);
    }

    Candidate candidate() {
        return Candidate.parse(candidateLine);
    }

    String candidateAttribute() {
        return candidateLine.startsWith("a=") ? candidateLine.substring(2) : candidateLine;
    }
}
