package org.roundtable.sfu.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Strict line parser for SDP (RFC 8866 plus the WebRTC attributes); one instance per parse, caller's thread. */
final class SdpParser {
    static final int MAX_LENGTH = 100_000;
    private static final String KNOWN_TYPES = "vosiuepcbtrzkam";
    private static final Pattern HEX_FINGERPRINT = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2})*");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.0-9A-Z^_`a-z{|}~]+");
    private static final Pattern ICE_CHARS = Pattern.compile("[A-Za-z0-9+/]+");

    private final MediaDraft session = new MediaDraft();
    private final List<MediaDraft> media = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private MediaDraft current = session;
    private final Set<Character> seenSessionTypes = new HashSet<>();
    private int lineNumber;
    private String line;

    static SessionDescription parse(String sdp) {
        if (sdp == null || sdp.isEmpty()) {
            throw new SdpException("empty session description");
        }
        if (sdp.length() > MAX_LENGTH) {
            throw new SdpException("session description of " + sdp.length() + " characters exceeds " + MAX_LENGTH);
        }
        return new SdpParser().run(sdp);
    }

    private SessionDescription run(String sdp) {
        String[] raw = sdp.split("\n", -1);
        int count = raw.length;
        if (raw[count - 1].isEmpty()) {
            count--;   // text ends with a line break
        }
        for (int i = 0; i < count; i++) {
            lineNumber = i + 1;
            line = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
            lines.add(line);
            try {
                parseLine();
            } catch (SdpException e) {
                if (e.getMessage().startsWith("line ")) {
                    throw e;
                }
                throw SdpException.atLine(lineNumber, line, e.getMessage());
            }
        }
        for (char required : new char[] {'o', 's', 't'}) {
            if (!seenSessionTypes.contains(required)) {
                throw new SdpException("session description has no " + required + "= line");
            }
        }
        if (current != session) {
            finishSection(current);
        }
        List<MediaSection> sections = new ArrayList<>();
        for (MediaDraft draft : media) {
            sections.add(new MediaSection(draft, session));
        }
        checkMids(sections);
        return new SessionDescription(session, sections, lines);
    }

    private void parseLine() {
        if (line.isEmpty()) {
            throw fail("empty line");
        }
        if (line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0) {
            throw fail("stray carriage return or NUL inside the line");
        }
        char type = line.charAt(0);
        if (line.length() < 2 || line.charAt(1) != '=' || KNOWN_TYPES.indexOf(type) < 0) {
            throw fail("expected <type>=<value> with a known type letter");
        }
        String value = line.substring(2);
        if (lineNumber == 1) {
            if (type != 'v' || !value.equals("0")) {
                throw fail("a session description starts with v=0");
            }
            return;
        }
        if (current == session) {
            if (type == 'v' || ("os".indexOf(type) >= 0 && seenSessionTypes.contains(type))) {
                throw fail("duplicate " + type + "= line");
            }
            seenSessionTypes.add(type);
        } else if ("vosuepztr".indexOf(type) >= 0) {
            throw fail(type + "= is not allowed inside a media section");
        }
        switch (type) {
            case 'o' -> requireTokens(value, 6, "o= needs <user> <sess-id> <sess-version> IN <addrtype> <address>");
            case 't' -> {
                String[] t = requireTokens(value, 2, "t= needs <start> <stop>");
                Numbers.parse(t[0], 0, Long.MAX_VALUE / 10, "start time");
                Numbers.parse(t[1], 0, Long.MAX_VALUE / 10, "stop time");
            }
            case 'c' -> parseConnection(value);
            case 'm' -> parseMediaLine(value);
            case 'a' -> parseAttribute(value);
            default -> { } // s, i, u, e, p, b, r, z, k: nothing we use
        }
    }

    private void parseConnection(String value) {
        String[] t = requireTokens(value, 3, "c= needs IN <addrtype> <address>");
        if (!t[0].equals("IN") || !(t[1].equals("IP4") || t[1].equals("IP6"))) {
            throw fail("c= needs IN IP4|IP6 <address>");
        }
        current.connectionAddress = t[2];
    }

    private void parseMediaLine(String value) {
        if (current != session) {
            finishSection(current);
        } else {
            for (char required : new char[] {'o', 's', 't'}) {
                if (!seenSessionTypes.contains(required)) {
                    throw fail("m= before the session's " + required + "= line");
                }
            }
        }
        String[] t = tokens(value);
        if (t.length < 4) {
            throw fail("m= needs <media> <port> <proto> <fmt> ...");
        }
        MediaDraft m = new MediaDraft();
        m.kind = requireToken(t[0], "media type");
        String port = t[1];
        int slash = port.indexOf('/');
        if (slash >= 0) {
            Numbers.parse(port.substring(slash + 1), 1, 65535, "port count");
            port = port.substring(0, slash);
        }
        m.port = (int) Numbers.parse(port, 0, 65535, "port");
        m.proto = t[2];
        m.formats.addAll(Arrays.asList(t).subList(3, t.length));
        if (m.proto.contains("RTP/")) {
            for (String format : m.formats) {
                Numbers.parse(format, 0, 127, "payload type");
            }
        }
        media.add(m);
        current = m;
    }

    private void parseAttribute(String value) {
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        String arg = colon < 0 ? null : value.substring(colon + 1);
        if (name.isEmpty() || !TOKEN.matcher(name).matches()) {
            throw fail("attribute name '" + name + "' is not a token");
        }
        current.attributes.add(value);
        boolean atSession = current == session;
        Direction direction = Direction.fromSdp(name);
        if (direction != null) {
            requireNoValue(arg, name);
            if (current.direction != null) {
                throw fail("second direction attribute");
            }
            current.direction = direction;
            return;
        }
        switch (name) {
            case "group" -> parseGroup(needValue(arg, name), atSession);
            case "ice-ufrag" -> current.iceUfrag = iceValue(arg, name, current.iceUfrag, 4);
            case "ice-pwd" -> current.icePwd = iceValue(arg, name, current.icePwd, 22);
            case "ice-options" -> current.iceOptions = needValue(arg, name);
            case "fingerprint" -> parseFingerprint(needValue(arg, name));
            case "setup" -> parseSetup(needValue(arg, name));
            case "extmap-allow-mixed" -> {
                requireNoValue(arg, name);
                current.extmapAllowMixed = true;
            }
            case "extmap" -> MediaAttributeParsers.parseExtmap(current, needValue(arg, name));
            case "msid-semantic", "ice-lite", "msid-semantics", "tls-id", "identity" -> { }
            default -> parseMediaAttribute(name, arg, atSession);
        }
    }

    private void parseMediaAttribute(String name, String arg, boolean atSession) {
        boolean mediaOnly = switch (name) {
            case "mid", "rtpmap", "fmtp", "rtcp-fb", "ssrc", "ssrc-group", "msid", "rid", "simulcast", "rtcp-mux",
                    "rtcp-rsize", "candidate", "end-of-candidates" -> true;
            default -> false;
        };
        if (!mediaOnly) {
            return;   // an attribute we do not use: ignored, as RFC 8866 asks
        }
        if (atSession) {
            throw fail("a=" + name + " belongs inside a media section");
        }
        switch (name) {
            case "mid" -> {
                if (current.mid != null) {
                    throw fail("second a=mid");
                }
                String mid = needValue(arg, name);
                if (mid.length() > 255 || mid.contains(" ")) {
                    throw fail("mid must be one token of at most 255 characters");
                }
                current.mid = mid;
            }
            case "rtpmap" -> MediaAttributeParsers.parseRtpmap(current, needValue(arg, name));
            case "fmtp" -> MediaAttributeParsers.parseFmtp(current, needValue(arg, name));
            case "rtcp-fb" -> MediaAttributeParsers.parseRtcpFb(current, needValue(arg, name));
            case "ssrc" -> MediaAttributeParsers.parseSsrc(current, needValue(arg, name));
            case "ssrc-group" -> MediaAttributeParsers.parseSsrcGroup(current, needValue(arg, name));
            case "msid" -> {
                String[] t = tokens(needValue(arg, name));
                if (t.length < 1 || t.length > 2) {
                    throw fail("a=msid needs <stream id> [<track id>]");
                }
                current.msid = String.join(" ", t);
            }
            case "rid" -> MediaAttributeParsers.parseRid(current, needValue(arg, name));
            case "simulcast" -> MediaAttributeParsers.parseSimulcast(current, needValue(arg, name));
            case "rtcp-mux" -> {
                requireNoValue(arg, name);
                current.rtcpMux = true;
            }
            case "rtcp-rsize" -> {
                requireNoValue(arg, name);
                current.rtcpRsize = true;
            }
            case "candidate" -> current.candidates.add(Candidate.parse("candidate:" + needValue(arg, name)));
            case "end-of-candidates" -> current.endOfCandidates = true;
            default -> throw new IllegalStateException(name);
        }
    }

    private void parseGroup(String value, boolean atSession) {
        if (!atSession) {
            throw fail("a=group belongs at session level");
        }
        String[] t = tokens(value);
        if (t.length < 1) {
            throw fail("a=group needs a semantics");
        }
        if (t[0].equals("BUNDLE")) {
            List<String> mids = Arrays.asList(t).subList(1, t.length);
            if (new HashSet<>(mids).size() != mids.size()) {
                throw fail("BUNDLE group names a mid twice");
            }
            session.bundleGroups.add(List.copyOf(mids));
        }
    }

    private String iceValue(String arg, String name, String previous, int minLength) {
        String value = needValue(arg, name);
        if (previous != null) {
            throw fail("second a=" + name + " at the same level");
        }
        if (value.length() < minLength || value.length() > 256 || !ICE_CHARS.matcher(value).matches()) {
            throw fail(name + " must be " + minLength + " to 256 ice-chars (A-Z a-z 0-9 + /)");
        }
        return value;
    }

    private void parseFingerprint(String value) {
        String[] t = tokens(value);
        if (t.length != 2 || !TOKEN.matcher(t[0]).matches() || !HEX_FINGERPRINT.matcher(t[1]).matches()) {
            throw fail("a=fingerprint needs <hash-function> <XX:XX:...>");
        }
        if (current.fingerprintHex == null) {   // several are allowed (RFC 8122); the first one is used
            current.fingerprintAlgo = t[0].toLowerCase(Locale.ROOT);
            current.fingerprintHex = t[1].toUpperCase(Locale.ROOT);
        }
    }

    private void parseSetup(String value) {
        if (!List.of("active", "passive", "actpass", "holdconn").contains(value)) {
            throw fail("a=setup must be active, passive, actpass or holdconn");
        }
        if (current.setup != null) {
            throw fail("second a=setup at the same level");
        }
        current.setup = value;
    }

    /** Checks that need the whole section: references between its lines. */
    private void finishSection(MediaDraft m) {
        for (SsrcGroup group : m.ssrcGroups) {
            for (long ssrc : group.ssrcs()) {
                if (!m.ssrcs.containsKey(ssrc)) {
                    throw new SdpException("m-section " + describe(m) + ": ssrc-group " + group.semantics()
                            + " names ssrc " + ssrc + " without a=ssrc lines");
                }
            }
        }
        if (m.simulcast != null) {
            checkSimulcastRids(m, m.simulcast.send(), true);
            checkSimulcastRids(m, m.simulcast.recv(), false);
        }
    }

    private static void checkSimulcastRids(MediaDraft m, List<List<String>> streams, boolean send) {
        for (List<String> alternatives : streams) {
            for (String alternative : alternatives) {
                Rid rid = m.rids.get(Simulcast.stripPause(alternative));
                if (rid == null || rid.send() != send) {
                    throw new SdpException("m-section " + describe(m) + ": simulcast names rid '" + alternative
                            + "' without a matching a=rid:" + Simulcast.stripPause(alternative)
                            + (send ? " send" : " recv"));
                }
            }
        }
    }

    private void checkMids(List<MediaSection> sections) {
        Set<String> mids = new HashSet<>();
        for (MediaSection section : sections) {
            if (section.mid() != null && !mids.add(section.mid())) {
                throw new SdpException("mid " + section.mid() + " is used by two m-sections");
            }
        }
        for (List<String> group : session.bundleGroups) {
            for (String mid : group) {
                if (!mids.contains(mid)) {
                    throw new SdpException("BUNDLE group names mid " + mid + " but no m-section has it");
                }
            }
        }
    }

    private static String describe(MediaDraft m) {
        return m.mid != null ? "mid " + m.mid : m.kind;
    }

    private String[] requireTokens(String value, int count, String problem) {
        String[] t = tokens(value);
        if (t.length != count) {
            throw fail(problem);
        }
        return t;
    }

    private String requireToken(String value, String what) {
        if (!TOKEN.matcher(value).matches()) {
            throw fail(what + " '" + value + "' is not a token");
        }
        return value;
    }

    private static String[] tokens(String value) {
        return MediaAttributeParsers.tokens(value);
    }

    private String needValue(String arg, String name) {
        if (arg == null || arg.isBlank()) {
            throw fail("a=" + name + " needs a value");
        }
        return arg;
    }

    private void requireNoValue(String arg, String name) {
        if (arg != null) {
            throw fail("a=" + name + " takes no value");
        }
    }

    private SdpException fail(String problem) {
        return SdpException.atLine(lineNumber, line, problem);
    }
}
