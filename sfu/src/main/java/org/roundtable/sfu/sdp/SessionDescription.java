package org.roundtable.sfu.sdp;

import java.util.List;

/**
 * A parsed session description, immutable. Transport values (ICE credentials, fingerprint, setup) are the
 * session-level ones, or else those of the first bundled (or first) m-section.
 */
public final class SessionDescription {
    private final List<MediaSection> media;
    private final List<List<String>> bundleGroups;
    private final boolean extmapAllowMixed;
    private final String iceUfrag;
    private final String icePwd;
    private final String fingerprintAlgo;
    private final String fingerprintHex;
    private final String setup;
    private final String text;

    SessionDescription(MediaDraft session, List<MediaSection> media, List<String> lines) {
        this.media = List.copyOf(media);
        this.bundleGroups = List.copyOf(session.bundleGroups);
        this.extmapAllowMixed = session.extmapAllowMixed;
        MediaSection transport = transportSection();
        iceUfrag = session.iceUfrag != null || transport == null ? session.iceUfrag : transport.iceUfrag();
        icePwd = session.icePwd != null || transport == null ? session.icePwd : transport.icePwd();
        boolean ownFingerprint = session.fingerprintHex != null || transport == null;
        fingerprintAlgo = ownFingerprint ? session.fingerprintAlgo : transport.fingerprintAlgo();
        fingerprintHex = ownFingerprint ? session.fingerprintHex : transport.fingerprintHex();
        setup = session.setup != null || transport == null ? session.setup : transport.setup();
        text = String.join("\r\n", lines) + "\r\n";
    }

    /** Parses SDP with CRLF or LF line ends; malformed input throws {@link SdpException} naming the line. */
    public static SessionDescription parse(String sdp) throws SdpException {
        return SdpParser.parse(sdp);
    }

    /** The section whose transport the bundle uses: the first bundled one, else the first not rejected. */
    private MediaSection transportSection() {
        if (!bundleGroups.isEmpty() && !bundleGroups.get(0).isEmpty()) {
            String tag = bundleGroups.get(0).get(0);
            for (MediaSection section : media) {
                if (tag.equals(section.mid())) {
                    return section;
                }
            }
        }
        return media.stream().filter(m -> !m.isRejected()).findFirst().orElse(null);
    }

    public List<MediaSection> media() { return media; }
    public String iceUfrag() { return iceUfrag; }
    public String icePwd() { return icePwd; }
    /** Lower case hash function name, e.g. {@code sha-256}; null if none. */
    public String fingerprintAlgo() { return fingerprintAlgo; }
    /** Upper case colon-separated hex, e.g. {@code AB:CD:...}; null if none. */
    public String fingerprintHex() { return fingerprintHex; }
    public String setup() { return setup; }
    public boolean extmapAllowMixed() { return extmapAllowMixed; }
    /** Every {@code a=group:BUNDLE} group, each a list of mids. */
    public List<List<String>> bundleGroups() { return bundleGroups; }

    /** The mids of the first BUNDLE group, empty if there is none. */
    public List<String> bundleMids() {
        return bundleGroups.isEmpty() ? List.of() : bundleGroups.get(0);
    }

    public MediaSection mediaByMid(String mid) {
        for (MediaSection section : media) {
            if (mid.equals(section.mid())) {
                return section;
            }
        }
        return null;
    }

    /** The description as parsed, with CRLF line ends. */
    @Override
    public String toString() {
        return text;
    }
}
