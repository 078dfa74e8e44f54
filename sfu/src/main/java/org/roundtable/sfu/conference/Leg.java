package org.roundtable.sfu.conference;

import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.forward.AckedBitrateEstimator;
import org.roundtable.sfu.forward.SentPacketHistory;
import org.roundtable.sfu.rtp.AbsSendTimeExtension;
import org.roundtable.sfu.rtp.RtpPacket;
import org.roundtable.sfu.rtp.TransportCcExtension;
import org.roundtable.sfu.worker.DropReason;
import org.roundtable.sfu.worker.Inbox;
import org.roundtable.sfu.worker.MediaWorker;
import org.roundtable.sfu.worker.SendLane;
import org.roundtable.sfu.worker.WorkerCounters;

/**
 * One peer connection of an endpoint (its publish or its subscribe side) as the forwarding core
 * sees it: the secure transport, the inbox its packets arrive in, the SSRC our RTCP on it is
 * sent from, and the transport-wide sequence numbers of what we send on it.
 * Confined to the conference's worker, except {@link #inbox()} offers from the network thread and
 * its send lane (when it has one) protects and sends what the worker queued.
 */
final class Leg {
    private final String name;
    private final BufferPool pool;
    private final WorkerCounters counters;
    private final long rtcpSsrc;
    /** The lane this leg's packets leave through: one of any worker's, or its own worker's. */
    private final SendLane lane;
    private volatile PacketTransport transport;
    /** Volatile: read by the network thread that offers into it. */
    private volatile Inbox inbox;
    private int nextTransportSeq;
    private boolean connected;
    private long estimatedBitrateBps;
    private final SentPacketHistory sent = new SentPacketHistory();
    private final AckedBitrateEstimator acked = new AckedBitrateEstimator();

    /** {@code lane} null: the conference's {@code worker} sends itself. */
    Leg(String name, BufferPool pool, MediaWorker worker, long rtcpSsrc, SendLane lane) {
        this.name = name;
        this.lane = lane != null ? lane : worker.sendLane();
        this.pool = pool;
        this.counters = worker.counters();
        this.rtcpSsrc = rtcpSsrc;
    }

    String name() { return name; }
    long rtcpSsrc() { return rtcpSsrc; }
    PacketTransport transport() { return transport; }
    Inbox inbox() { return inbox; }
    boolean hasTransport() { return transport != null; }

    void attach(PacketTransport transport, Inbox inbox) {
        this.transport = transport;
        this.inbox = inbox;
    }

    /** Marks the transport ready (DTLS done, keys installed). */
    void connected() {
        connected = true;
    }

    /** Whether media may be sent: sending earlier only makes the transport drop it. */
    boolean isConnected() {
        return connected && transport != null;
    }

    /** The receiver's bandwidth estimate from its last REMB, 0 if none. */
    long estimatedBitrateBps() { return estimatedBitrateBps; }
    void estimatedBitrateBps(long bps) { estimatedBitrateBps = bps; }

    BufferPool pool() { return pool; }
    SentPacketHistory sentHistory() { return sent; }
    AckedBitrateEstimator ackedBitrate() { return acked; }

    /**
     * Writes this leg's next transport-wide sequence number and the send time into the packet's
     * extensions (when the receiver negotiated them and the packet carries them), then sends it.
     */
    boolean stampAndSendRtp(PacketBuffer out, RtpPacket view, int transportCcId, int absSendTimeId, long nowNanos) {
        if (transportCcId > 0 || absSendTimeId > 0) {
            // one walk over the elements for both (four lookups were a sixth of the worker's Java time)
            boolean seqDone = transportCcId <= 0;
            boolean timeDone = absSendTimeId <= 0;
            for (int e = view.nextElement(-1); e >= 0 && !(seqDone && timeDone); ) {
                int id = view.elementId(e);
                int at = view.elementDataOffset(e);
                int len = view.elementDataLength(e);
                if (!seqDone && id == transportCcId) {
                    seqDone = true;
                    if (len == TransportCcExtension.DATA_LENGTH) {
                        TransportCcExtension.write(view.buffer(), at, nextTransportSeq);
                        sent.onSent(nextTransportSeq, out.getLength(), nowNanos);
                        nextTransportSeq = (nextTransportSeq + 1) & 0xFFFF;
                    }
                } else if (!timeDone && id == absSendTimeId) {
                    timeDone = true;
                    if (len == AbsSendTimeExtension.DATA_LENGTH) {
                        AbsSendTimeExtension.write(view.buffer(), at, nowNanos);
                    }
                }
                e = view.nextElement(at + len);
            }
        }
        return send(out, false);
    }

    /** Sends an RTCP compound written into {@code out}. */
    boolean sendRtcp(PacketBuffer out) {
        return send(out, true);
    }

    /**
     * Hands {@code out} to the leg's send lane, which protects and sends it (at once when the lane
     * is this worker's) and releases it. True when sent or queued.
     */
    private boolean send(PacketBuffer out, boolean rtcp) {
        if (!isConnected()) {
            counters.drop(DropReason.NOT_CONNECTED);
            out.release();
            return false;
        }
        return lane.offer(out, transport, rtcp, counters);
    }

    /** Closes the transport and the inbox; idempotent. */
    void close() {
        connected = false;
        if (inbox != null) {
            inbox.close();
        }
        if (transport != null) {
            PacketTransport t = transport;
            transport = null;
            t.close();
        }
    }
}
