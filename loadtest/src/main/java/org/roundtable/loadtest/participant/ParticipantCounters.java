package org.roundtable.loadtest.participant;

/** Cumulative counters of one participant. Immutable. */
public record ParticipantCounters(long sentPackets, long sentBytes, long receivedPackets, long receivedBytes,
                                  long nacksReceived, long retransmissions, long keyframeRequests,
                                  long nacksSent, long plisSent, long rtxReceived, long unstamped,
                                  long inboxDrops, long srtpFailures, boolean publishConnected,
                                  boolean subscribeConnected) {

    public static ParticipantCounters of(PublishConnection p, SubscribeConnection s) {
        return new ParticipantCounters(p == null ? 0 : p.sentPackets(), p == null ? 0 : p.sentBytes(),
                s == null ? 0 : s.packetsReceived(), s == null ? 0 : s.bytesReceived(),
                p == null ? 0 : p.nacksReceived(), p == null ? 0 : p.retransmissions(),
                p == null ? 0 : p.keyframeRequests(), s == null ? 0 : s.nacksSent(), s == null ? 0 : s.plisSent(),
                s == null ? 0 : s.rtxReceived(), s == null ? 0 : s.unstamped(),
                (p == null ? 0 : p.inboxDrops()) + (s == null ? 0 : s.inboxDrops()),
                (p == null ? 0 : p.srtcpFailures()) + (s == null ? 0 : s.srtpFailures()),
                p != null && p.isConnected(), s != null && s.isConnected());
    }
}
