package org.roundtable.sfu.conference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.roundtable.sfu.buffer.PacketBuffer;

/**
 * A leg transport without ICE/DTLS/SRTP, for deterministic tests of the forwarding core: packets
 * are plaintext, "sending" records them. The real stack is covered by the loopback test.
 * Confined to the test thread, which also drives the worker.
 */
final class PlaintextLegTransport implements LegTransport {
    final String id;
    final Events events;
    final List<byte[]> sent = new ArrayList<>();
    boolean started;
    boolean closed;

    PlaintextLegTransport(String id, Events events) {
        this.id = id;
        this.events = events;
    }

    @Override public String localUfrag() { return "ufrag" + Math.abs(id.hashCode() % 1000); }
    @Override public String localPassword() { return "passwordpasswordpassword"; }
    @Override public String localFingerprint() {
        return "sha-256 " + "AB:".repeat(31) + "AB";
    }
    @Override public String candidateLine() { return "candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host"; }
    @Override public void start(String u, String p, String a, String h) { started = true; }
    @Override public boolean unprotect(PacketBuffer packet) { return true; }

    @Override
    public boolean protectAndSend(PacketBuffer packet) {
        sent.add(Arrays.copyOfRange(packet.getBuffer(), packet.getOffset(), packet.getOffset() + packet.getLength()));
        return true;
    }

    @Override public boolean isConnected() { return !closed; }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            events.onClosed("closed");
        }
    }
}
