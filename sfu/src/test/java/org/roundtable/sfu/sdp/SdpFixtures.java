package org.roundtable.sfu.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the Chromium 156 SDP fixtures copied into the test resources. */
final class SdpFixtures {
    static final String OFFER_AUDIO_VIDEO = "chromium156-offer-audio-video.sdp";
    static final String OFFER_SIMULCAST = "chromium156-offer-simulcast.sdp";
    static final String ANSWER_RECVONLY = "chromium156-answer-recvonly.sdp";
    static final String ANSWER_SIMULCAST = "chromium156-answer-simulcast-recvonly.sdp";

    static final LocalTransportInfo SERVER = new LocalTransportInfo("srvU", "serverPassword0123456789",
            "sha-256 0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9",
            "candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host");

    private SdpFixtures() {
    }

    static String load(String name) {
        try (InputStream in = SdpFixtures.class.getResourceAsStream("/fixtures/chromium156/sdp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionDescription parse(String name) {
        return SessionDescription.parse(load(name));
    }

    /** Replaces one whole line (without line end) of a CRLF description; the line must exist. */
    static String replaceLine(String sdp, String line, String replacement) {
        String needle = line + "\r\n";
        if (!sdp.contains(needle)) {
            throw new IllegalArgumentException("no line " + line);
        }
        return sdp.replace(needle, replacement.isEmpty() ? "" : replacement + "\r\n");
    }

    /** Removes every line starting with {@code prefix}. */
    static String removeLines(String sdp, String prefix) {
        StringBuilder out = new StringBuilder();
        for (String line : sdp.split("\r\n")) {
            if (!line.startsWith(prefix)) {
                out.append(line).append("\r\n");
            }
        }
        return out.toString();
    }
}
