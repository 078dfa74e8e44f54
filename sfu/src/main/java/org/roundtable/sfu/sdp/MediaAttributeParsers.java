package org.roundtable.sfu.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parsers for the values of the m-section attributes with structure (extmap, rtpmap, fmtp, rtcp-fb, ssrc,
 * ssrc-group, rid, simulcast). They throw SdpException naming the problem; the caller adds the line.
 */
final class MediaAttributeParsers {
    static final Pattern RID_ID = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private MediaAttributeParsers() {
    }

    static void parseExtmap(MediaDraft m, String value) {
        String[] t = tokens(value);
        if (t.length < 2) {
            throw new SdpException("a=extmap needs <id>[/<direction>] <uri>");
        }
        String idText = t[0];
        Direction direction = null;
        int slash = idText.indexOf('/');
        if (slash >= 0) {
            direction = Direction.fromSdp(idText.substring(slash + 1));
            if (direction == null) {
                throw new SdpException("extmap direction must be sendrecv, sendonly, recvonly or inactive");
            }
            idText = idText.substring(0, slash);
        }
        int id = (int) Numbers.parse(idText, 1, 255, "extmap id");
        if (m.extensions.containsKey(id)) {
            throw new SdpException("extmap id " + id + " used twice");
        }
        String attributes = String.join(" ", Arrays.asList(t).subList(2, t.length));
        m.extensions.put(id, new HeaderExtension(id, direction, t[1], attributes));
    }

    private static int payloadTypeOfSection(MediaDraft m, String text) {
        int pt = (int) Numbers.parse(text, 0, 127, "payload type");
        if (!m.formats.contains(text) && !m.formats.contains(String.valueOf(pt))) {
            throw new SdpException("payload type " + pt + " is not in the m= line");
        }
        return pt;
    }

    static void parseRtpmap(MediaDraft m, String value) {
        String[] t = tokens(value);
        if (t.length != 2) {
            throw new SdpException("a=rtpmap needs <pt> <name>/<clock rate>[/<channels>]");
        }
        int pt = payloadTypeOfSection(m, t[0]);
        String[] enc = t[1].split("/", -1);
        if (enc.length < 2 || enc.length > 3 || enc[0].isEmpty()) {
            throw new SdpException("a=rtpmap needs <name>/<clock rate>[/<channels>]");
        }
        long rate = Numbers.parse(enc[1], 1, 10_000_000, "clock rate");
        long channels = enc.length == 3 ? Numbers.parse(enc[2], 1, 255, "channels") : 0;
        if (m.rtpmaps.put(pt, new String[] {enc[0], String.valueOf(rate), String.valueOf(channels)}) != null) {
            throw new SdpException("second a=rtpmap for payload type " + pt);
        }
    }

    static void parseFmtp(MediaDraft m, String value) {
        int space = value.indexOf(' ');
        if (space <= 0 || space == value.length() - 1) {
            throw new SdpException("a=fmtp needs <pt> <parameters>");
        }
        int pt = payloadTypeOfSection(m, value.substring(0, space));
        if (m.fmtps.put(pt, value.substring(space + 1).trim()) != null) {
            throw new SdpException("second a=fmtp for payload type " + pt);
        }
    }

    static void parseRtcpFb(MediaDraft m, String value) {
        String[] t = tokens(value);
        if (t.length < 2) {
            throw new SdpException("a=rtcp-fb needs <pt|*> <type> [<parameter>]");
        }
        String feedback = String.join(" ", Arrays.asList(t).subList(1, t.length));
        if (t[0].equals("*")) {
            m.wildcardRtcpFb.add(feedback);
        } else {
            m.rtcpFbs.computeIfAbsent(payloadTypeOfSection(m, t[0]), k -> new ArrayList<>()).add(feedback);
        }
    }

    static void parseSsrc(MediaDraft m, String value) {
        int space = value.indexOf(' ');
        if (space <= 0 || space == value.length() - 1) {
            throw new SdpException("a=ssrc needs <ssrc> <attribute>[:<value>]");
        }
        long ssrc = Numbers.parse(value.substring(0, space), 0, 0xFFFF_FFFFL, "ssrc");
        String attribute = value.substring(space + 1);
        String[] values = m.ssrcs.computeIfAbsent(ssrc, k -> new String[2]);
        if (attribute.startsWith("cname:")) {
            String cname = attribute.substring(6);
            if (cname.isEmpty()) {
                throw new SdpException("empty cname");
            }
            values[0] = cname;
        } else if (attribute.startsWith("msid:")) {
            String[] t = tokens(attribute.substring(5));
            if (t.length < 1 || t.length > 2) {
                throw new SdpException("ssrc msid needs <stream id> [<track id>]");
            }
            values[1] = String.join(" ", t);
        }
    }

    static void parseSsrcGroup(MediaDraft m, String value) {
        String[] t = tokens(value);
        if (t.length < 2) {
            throw new SdpException("a=ssrc-group needs <semantics> <ssrc> ...");
        }
        List<Long> ssrcs = new ArrayList<>();
        for (int i = 1; i < t.length; i++) {
            ssrcs.add(Numbers.parse(t[i], 0, 0xFFFF_FFFFL, "ssrc"));
        }
        if (t[0].equals("FID") && ssrcs.size() != 2) {
            throw new SdpException("ssrc-group FID needs exactly two ssrcs (primary, rtx)");
        }
        m.ssrcGroups.add(new SsrcGroup(t[0], ssrcs));
    }

    static void parseRid(MediaDraft m, String value) {
        String[] t = tokens(value);
        if (t.length < 2 || t.length > 3 || !RID_ID.matcher(t[0]).matches()
                || !(t[1].equals("send") || t[1].equals("recv"))) {
            throw new SdpException("a=rid needs <id> send|recv [<restrictions>]");
        }
        if (m.rids.put(t[0], new Rid(t[0], t[1].equals("send"), t.length == 3 ? t[2] : "")) != null) {
            throw new SdpException("rid " + t[0] + " declared twice");
        }
    }

    static void parseSimulcast(MediaDraft m, String value) {
        if (m.simulcast != null) {
            throw new SdpException("second a=simulcast");
        }
        String[] t = tokens(value);
        if (t.length != 2 && t.length != 4) {
            throw new SdpException("a=simulcast needs send|recv <streams> [send|recv <streams>]");
        }
        List<List<String>> send = List.of();
        List<List<String>> recv = List.of();
        for (int i = 0; i < t.length; i += 2) {
            List<List<String>> streams = simulcastStreams(t[i + 1]);
            if (t[i].equals("send") && send.isEmpty()) {
                send = streams;
            } else if (t[i].equals("recv") && recv.isEmpty()) {
                recv = streams;
            } else {
                throw new SdpException("a=simulcast directions must be one send and/or one recv");
            }
        }
        m.simulcast = new Simulcast(send, recv);
    }

    private static List<List<String>> simulcastStreams(String list) {
        List<List<String>> streams = new ArrayList<>();
        for (String stream : list.split(";", -1)) {
            List<String> alternatives = new ArrayList<>();
            for (String alternative : stream.split(",", -1)) {
                if (!RID_ID.matcher(Simulcast.stripPause(alternative)).matches()) {
                    throw new SdpException("simulcast rid '" + alternative + "' is not a rid id");
                }
                alternatives.add(alternative);
            }
            streams.add(alternatives);
        }
        return streams;
    }

    static String[] tokens(String value) {
        String trimmed = value.trim();
        return trimmed.isEmpty() ? new String[0] : trimmed.split(" +");
    }
}
