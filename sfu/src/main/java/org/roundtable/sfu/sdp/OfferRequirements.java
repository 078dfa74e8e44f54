package org.roundtable.sfu.sdp;

import java.util.List;

/**
 * What the server demands of every offer: one BUNDLE group holding every active m-section, DTLS-SRTP,
 * rtcp-mux, ICE credentials and a fingerprint, and a setup role that leaves the server passive. Pure check.
 */
public final class OfferRequirements {
    private OfferRequirements() {
    }

    /** Throws {@link SdpException} naming the first rule the offer breaks. */
    public static void check(SessionDescription offer) {
        if (offer.media().isEmpty()) {
            throw new SdpException("offer has no m-section");
        }
        List<List<String>> groups = offer.bundleGroups();
        if (groups.isEmpty()) {
            throw new SdpException("offer has no a=group:BUNDLE; the server requires BUNDLE (bundlePolicy max-bundle)");
        }
        if (groups.size() > 1) {
            throw new SdpException("offer has " + groups.size() + " BUNDLE groups; the server supports exactly one");
        }
        List<String> bundle = groups.get(0);
        String ufrag = null;
        String pwd = null;
        String fingerprint = null;
        boolean anyActive = false;
        for (int i = 0; i < offer.media().size(); i++) {
            MediaSection section = offer.media().get(i);
            if (section.isRejected()) {
                continue;
            }
            anyActive = true;
            if (section.mid() == null) {
                throw new SdpException("m-section #" + i + " (" + section.kind() + ") has no a=mid");
            }
            String name = "m-section mid " + section.mid();
            if (!bundle.contains(section.mid())) {
                throw new SdpException(name + " is not in the BUNDLE group; the server requires BUNDLE");
            }
            if (section.isRtp()) {
                if (!section.proto().startsWith("UDP/TLS/RTP/SAVP")) {
                    throw new SdpException(name + " uses " + section.proto()
                            + "; the server requires DTLS-SRTP (UDP/TLS/RTP/SAVPF)");
                }
                if (!section.rtcpMux()) {
                    throw new SdpException(name + " has no a=rtcp-mux; the server requires rtcp-mux");
                }
            }
            if (section.iceUfrag() == null || section.icePwd() == null) {
                throw new SdpException(name + " has no a=ice-ufrag / a=ice-pwd; ICE credentials are required");
            }
            if (ufrag == null) {
                ufrag = section.iceUfrag();
                pwd = section.icePwd();
            } else if (!ufrag.equals(section.iceUfrag()) || !pwd.equals(section.icePwd())) {
                throw new SdpException(name + " has other ICE credentials than the rest of the BUNDLE group");
            }
            if (section.fingerprintHex() == null) {
                throw new SdpException(name + " has no a=fingerprint; DTLS needs the certificate fingerprint");
            }
            if (fingerprint == null) {
                fingerprint = section.fingerprintHex();
            } else if (!fingerprint.equals(section.fingerprintHex())) {
                throw new SdpException(name + " has another a=fingerprint than the rest of the BUNDLE group");
            }
            String setup = section.setup();
            if ("passive".equals(setup) || "holdconn".equals(setup)) {
                throw new SdpException(name + " has a=setup:" + setup
                        + "; the server is the DTLS server, so the offer must be actpass or active");
            }
        }
        if (!anyActive) {
            throw new SdpException("offer has no m-section with a non-zero port");
        }
    }
}
