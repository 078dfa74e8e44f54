package org.roundtable.loadtest.participant;

import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.srtp.SrtpProfile;
import org.roundtable.sfu.transport.TransportListener;

/**
 * The transport side shared by publish and subscribe connections: the callbacks only record the
 * state and hand packets over through the inbox to the media worker, so that the connection's own
 * logic stays on one thread. Callbacks run on transport threads; the inbox is drained on the
 * owning media worker.
 */
public abstract class TransportHandover implements TransportListener {
    final Inbox inbox;
    final ConnectionEvents events;
    volatile boolean connected;
    volatile String closedReason;

    TransportHandover(int inboxCapacity, ConnectionEvents events) {
        this.inbox = new Inbox(inboxCapacity);
        this.events = events;
    }

    @Override
    public final void onConnected(SrtpProfile profile) {
        connected = true;
        events.onConnected(this, profile);
    }

    @Override
    public final void onPacket(PacketBuffer p) {
        inbox.offer(p);
    }

    @Override
    public final void onClosed(String reason) {
        closedReason = reason;
        events.onClosed(this, reason);
    }

    public boolean isConnected() { return connected; }
    public String closedReason() { return closedReason; }
    long inboxDrops() { return inbox.dropped(); }
}
