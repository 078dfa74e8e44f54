package org.roundtable.sfu.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.client.ClientTransport;
import org.roundtable.sfu.rtp.RtpPacket;
import org.roundtable.sfu.sdp.ClientAnswer;
import org.roundtable.sfu.sdp.OfferBuilder;
import org.roundtable.sfu.srtp.SrtpProfile;
import org.roundtable.sfu.transport.TransportListener;

/**
 * One client peer connection for tests: a real {@link ClientTransport} on loopback. Received
 * datagrams are queued by the network thread and decrypted on the test thread, which is also
 * the only thread that sends (the transport is single-threaded).
 */
final class LoopbackPeer implements AutoCloseable {
    final ClientTransport transport;
    private final BufferPool pool;
    private final LinkedBlockingQueue<PacketBuffer> received = new LinkedBlockingQueue<>();
    final List<byte[]> rtp = new ArrayList<>();
    final List<byte[]> rtcp = new ArrayList<>();
    volatile boolean connected;
    volatile String closedReason;

    LoopbackPeer(BufferPool pool) {
        this.pool = pool;
        this.transport = ClientTransport.create("127.0.0.1", new TransportListener() {
            @Override public void onConnected(SrtpProfile profile) { connected = true; }
            @Override public void onPacket(PacketBuffer p) { received.add(p); }
            @Override public void onClosed(String reason) { closedReason = reason; }
        }, pool);
    }

    OfferBuilder offer() {
        return new OfferBuilder(transport.localUfrag(), transport.localPassword(), transport.localFingerprint());
    }

    ClientAnswer connect(String answerSdp) {
        ClientAnswer a = OfferBuilder.readAnswer(answerSdp);
        transport.connect(a.iceUfrag(), a.icePwd(), a.candidateHost(), a.candidatePort(), a.fingerprintAlgo(), a.fingerprintHex());
        return a;
    }

    void send(byte[] packet) {
        PacketBuffer p = pool.take();
        p.copyFrom(packet, 0, packet.length);
        try {
            if (!transport.protectAndSend(p)) {
                throw new IllegalStateException("client could not send");
            }
        } finally {
            p.release();
        }
    }

    /** Decrypts whatever arrived, waiting at most {@code millis} for the first datagram. */
    void poll(long millis) throws InterruptedException {
        PacketBuffer p = received.poll(millis, TimeUnit.MILLISECONDS);
        while (p != null) {
            if (transport.unprotect(p)) {
                byte[] copy = java.util.Arrays.copyOfRange(p.getBuffer(), p.getOffset(), p.getOffset() + p.getLength());
                (RtpPacket.looksLikeRtcp(copy, 0, copy.length) ? rtcp : rtp).add(copy);
            }
            p.release();
            p = received.poll();
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
