package org.roundtable.sfu.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One parsed m-section, immutable. Transport attributes (ICE, fingerprint, setup, extmap-allow-mixed,
 * direction, session-level extmap) fall back to the session level when the section does not set them.
 */
public final class MediaSection {
    private final String kind;
    private final int port;
    private final String proto;
    private final List<String> formats;
    private final String mid;
    private final Direction direction;
    private final String iceUfrag;
    private final String icePwd;
    private final String fingerprintAlgo;
    private final String fingerprintHex;
    private final String setup;
    private final String connectionAddress;
    private final String msid;
    private final boolean rtcpMux;
    private final boolean rtcpRsize;
    private final boolean extmapAllowMixed;
    private final boolean endOfCandidates;
    private final List<Codec> codecs;
    private final List<HeaderExtension> headerExtensions;
    private final Map<Integer, String> extensions;
    private final List<SsrcInfo> ssrcs;
    private final List<SsrcGroup> ssrcGroups;
    private final List<Rid> ridDescriptions;
    private final Simulcast simulcast;
    private final List<Candidate> candidates;
    private final List<String> attributes;

    MediaSection(MediaDraft m, MediaDraft session) {
        kind = m.kind;
        port = m.port;
        proto = m.proto;
        formats = List.copyOf(m.formats);
        mid = m.mid;
        direction = m.direction != null ? m.direction
                : session.direction != null ? session.direction : Direction.SENDRECV;
        iceUfrag = m.iceUfrag != null ? m.iceUfrag : session.iceUfrag;
        icePwd = m.icePwd != null ? m.icePwd : session.icePwd;
        boolean ownFingerprint = m.fingerprintHex != null;
        fingerprintAlgo = ownFingerprint ? m.fingerprintAlgo : session.fingerprintAlgo;
        fingerprintHex = ownFingerprint ? m.fingerprintHex : session.fingerprintHex;
        setup = m.setup != null ? m.setup : session.setup;
        connectionAddress = m.connectionAddress != null ? m.connectionAddress : session.connectionAddress;
        msid = m.msid;
        rtcpMux = m.rtcpMux;
        rtcpRsize = m.rtcpRsize;
        extmapAllowMixed = m.extmapAllowMixed || session.extmapAllowMixed;
        endOfCandidates = m.endOfCandidates;
        codecs = buildCodecs(m);
        Map<Integer, HeaderExtension> allExtensions = new LinkedHashMap<>(session.extensions);
        allExtensions.putAll(m.extensions);
        headerExtensions = List.copyOf(allExtensions.values());
        Map<Integer, String> uris = new LinkedHashMap<>();
        headerExtensions.forEach(e -> uris.put(e.id(), e.uri()));
        extensions = Collections.unmodifiableMap(uris);
        List<SsrcInfo> ssrcList = new ArrayList<>();
        m.ssrcs.forEach((ssrc, values) -> ssrcList.add(new SsrcInfo(ssrc, values[0], values[1])));
        ssrcs = List.copyOf(ssrcList);
        ssrcGroups = List.copyOf(m.ssrcGroups);
        ridDescriptions = List.copyOf(m.rids.values());
        simulcast = m.simulcast;
        candidates = List.copyOf(m.candidates);
        attributes = List.copyOf(m.attributes);
    }

    private static List<Codec> buildCodecs(MediaDraft m) {
        Map<Integer, Integer> rtxByApt = new HashMap<>();
        List<Codec> list = new ArrayList<>();
        for (String format : m.formats) {
            int pt = payloadTypeOrMinusOne(format);
            if (pt < 0) {
                continue;
            }
            String[] map = m.rtpmaps.get(pt);
            if (map == null) {
                map = StaticPayloadTypes.rtpmap(pt);
            }
            List<String> feedback = new ArrayList<>(m.wildcardRtcpFb);
            feedback.addAll(m.rtcpFbs.getOrDefault(pt, List.of()));
            Codec codec = new Codec(pt, map[0], Integer.parseInt(map[1]), Integer.parseInt(map[2]),
                    m.fmtps.get(pt), feedback, -1);
            list.add(codec);
            if (codec.isRtx() && codec.apt() >= 0) {
                rtxByApt.putIfAbsent(codec.apt(), pt);
            }
        }
        list.replaceAll(c -> rtxByApt.containsKey(c.pt()) ? c.withRtxPt(rtxByApt.get(c.pt())) : c);
        return List.copyOf(list);
    }

    static int payloadTypeOrMinusOne(String format) {
        if (format.isEmpty() || format.length() > 3 || !format.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int pt = Integer.parseInt(format);
        return pt <= 127 ? pt : -1;
    }

    /** The media token of the m-line: {@code audio}, {@code video}, {@code application}, ... */
    public String kind() { return kind; }
    public int port() { return port; }
    /** Port 0 without {@code a=bundle-only}: the section is rejected (or removed). */
    public boolean isRejected() { return port == 0 && !hasAttribute("bundle-only"); }
    public String proto() { return proto; }
    /** True for RTP profiles (the proto names RTP). */
    public boolean isRtp() { return proto.contains("RTP/"); }
    public List<String> formats() { return formats; }
    /** The section's mid, or null when it has none. */
    public String mid() { return mid; }
    public Direction direction() { return direction; }
    public String iceUfrag() { return iceUfrag; }
    public String icePwd() { return icePwd; }
    public String fingerprintAlgo() { return fingerprintAlgo; }
    public String fingerprintHex() { return fingerprintHex; }
    public String setup() { return setup; }
    public String connectionAddress() { return connectionAddress; }
    /** The {@code a=msid} value {@code "<stream> [<track>]"}, or null. */
    public String msid() { return msid; }
    public boolean rtcpMux() { return rtcpMux; }
    public boolean rtcpRsize() { return rtcpRsize; }
    public boolean extmapAllowMixed() { return extmapAllowMixed; }
    public boolean endOfCandidates() { return endOfCandidates; }
    /** Every payload type of the m-line in m-line order (rtx, red, ulpfec included). */
    public List<Codec> codecs() { return codecs; }
    public List<HeaderExtension> headerExtensions() { return headerExtensions; }
    /** Header extension URI by id. */
    public Map<Integer, String> extensions() { return extensions; }
    public List<SsrcInfo> ssrcs() { return ssrcs; }
    public List<SsrcGroup> ssrcGroups() { return ssrcGroups; }
    public List<Rid> ridDescriptions() { return ridDescriptions; }
    /** The rid ids in a=rid order. */
    public List<String> rids() { return ridDescriptions.stream().map(Rid::id).toList(); }
    /** The a=simulcast attribute, or null. */
    public Simulcast simulcast() { return simulcast; }
    public List<Candidate> candidates() { return candidates; }
    /** Every a= line of the section verbatim, without the {@code a=} prefix. */
    public List<String> attributes() { return attributes; }

    /** Whether an attribute with this name appears ({@code a=name} or {@code a=name:value}). */
    public boolean hasAttribute(String name) {
        for (String attribute : attributes) {
            if (attribute.equals(name) || attribute.startsWith(name + ":")) {
                return true;
            }
        }
        return false;
    }

    public Codec codec(int pt) {
        for (Codec codec : codecs) {
            if (codec.pt() == pt) {
                return codec;
            }
        }
        return null;
    }

    /** The id the section gives this extension URI, or -1. */
    public int extensionId(String uri) {
        for (HeaderExtension extension : headerExtensions) {
            if (extension.uri().equals(uri)) {
                return extension.id();
            }
        }
        return -1;
    }

    /** RTX SSRC by primary SSRC, from the FID groups. */
    public Map<Long, Long> rtxSsrcByPrimary() {
        Map<Long, Long> map = new LinkedHashMap<>();
        for (SsrcGroup group : ssrcGroups) {
            if (group.semantics().equals("FID") && group.ssrcs().size() == 2) {
                map.put(group.ssrcs().get(0), group.ssrcs().get(1));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** Media SSRCs without their RTX ones: in SIM group order (low to high) if there is one, else in a=ssrc order. */
    public List<Long> primarySsrcs() {
        Set<Long> repair = new HashSet<>(rtxSsrcByPrimary().values());
        List<Long> result = new ArrayList<>();
        for (SsrcGroup group : ssrcGroups) {
            if (group.semantics().equals("SIM")) {
                group.ssrcs().stream().filter(s -> !result.contains(s)).forEach(result::add);
            }
        }
        for (SsrcInfo info : ssrcs) {
            if (!repair.contains(info.ssrc()) && !result.contains(info.ssrc())) {
                result.add(info.ssrc());
            }
        }
        return List.copyOf(result);
    }

    @Override
    public String toString() {
        return "MediaSection[" + kind + " mid=" + mid + " port=" + port + " " + direction.sdpName() + "]";
    }
}
