package org.roundtable.sfu.sdp;

import java.util.List;

/**
 * {@code a=simulcast} (RFC 8853): send and receive stream lists; each stream is a list of alternative rid
 * ids, a paused one keeping its {@code ~} prefix.
 * Immutable: any thread.
 */
public record Simulcast(List<List<String>> send, List<List<String>> recv) {
    public Simulcast {
        send = send.stream().map(List::copyOf).toList();
        recv = recv.stream().map(List::copyOf).toList();
    }

    /** The first alternative of each stream of one direction, without the pause marker. */
    public static List<String> firstRids(List<List<String>> streams) {
        return streams.stream().map(alternatives -> stripPause(alternatives.get(0))).toList();
    }

    static String stripPause(String rid) {
        return rid.startsWith("~") ? rid.substring(1) : rid;
    }
}
