package org.roundtable.sfu.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mutable fields collected while parsing one level (session or m-section); parser thread only. */
final class MediaDraft {
    String kind;
    int port;
    String proto;
    List<String> formats = new ArrayList<>();
    String mid;
    Direction direction;
    String iceUfrag;
    String icePwd;
    String iceOptions;
    String fingerprintAlgo;
    String fingerprintHex;
    String setup;
    String connectionAddress;
    String msid;
    boolean rtcpMux;
    boolean rtcpRsize;
    boolean extmapAllowMixed;
    boolean endOfCandidates;
    final Map<Integer, String[]> rtpmaps = new LinkedHashMap<>();     // pt -> {name, rate, channels}
    final Map<Integer, String> fmtps = new LinkedHashMap<>();
    final Map<Integer, List<String>> rtcpFbs = new LinkedHashMap<>();
    final List<String> wildcardRtcpFb = new ArrayList<>();
    final Map<Integer, HeaderExtension> extensions = new LinkedHashMap<>();
    final Map<Long, String[]> ssrcs = new LinkedHashMap<>();           // ssrc -> {cname, msid}
    final List<SsrcGroup> ssrcGroups = new ArrayList<>();
    final Map<String, Rid> rids = new LinkedHashMap<>();
    Simulcast simulcast;
    final List<Candidate> candidates = new ArrayList<>();
    final List<String> attributes = new ArrayList<>();
    final List<List<String>> bundleGroups = new ArrayList<>();
}
