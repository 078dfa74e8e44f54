package org.roundtable.sfu.transport;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.srtp.SrtpProfile;

/** Records transport events for a test thread to wait on. Thread-safe (blocking queues). */
class RecordingListener implements TransportListener {
    /** A liveness bound only: loopback handshakes take well under a second. */
    static final long WAIT_SECONDS = 30;

    final BlockingQueue<SrtpProfile> connected = new LinkedBlockingQueue<>();
    final BlockingQueue<PacketBuffer> packets = new LinkedBlockingQueue<>();
    final BlockingQueue<String> closed = new LinkedBlockingQueue<>();
    /** The thread each packet was handed over on, in order. */
    final BlockingQueue<String> packetThreads = new LinkedBlockingQueue<>();

    @Override
    public void onConnected(SrtpProfile profile) {
        connected.add(profile);
    }

    @Override
    public void onPacket(PacketBuffer p) {
        packetThreads.add(Thread.currentThread().getName());
        packets.add(p);
    }

    @Override
    public void onClosed(String reason) {
        closed.add(reason);
    }

    SrtpProfile awaitConnected() throws InterruptedException {
        return connected.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    PacketBuffer awaitPacket() throws InterruptedException {
        return packets.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    String awaitClosed() throws InterruptedException {
        return awaitClosed(WAIT_SECONDS);
    }

    String awaitClosed(long seconds) throws InterruptedException {
        return closed.poll(seconds, TimeUnit.SECONDS);
    }
}
