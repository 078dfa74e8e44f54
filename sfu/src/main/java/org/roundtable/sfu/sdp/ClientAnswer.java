package org.roundtable.sfu.sdp;

import java.util.List;

/**
 * What a client needs from the server's answer: remote ICE credentials, the server's host candidate,
 * its DTLS fingerprint and the negotiated media (directions as seen by the client).
 * Immutable: any thread.
 */
public record ClientAnswer(String iceUfrag, String icePwd, String candidateHost, int candidatePort,
                           String fingerprintAlgo, String fingerprintHex, List<NegotiatedMedia> media) {
    public ClientAnswer {
        media = List.copyOf(media);
    }

    public NegotiatedMedia mediaByMid(String mid) {
        return media.stream().filter(m -> mid.equals(m.mid())).findFirst().orElse(null);
    }
}
