package org.roundtable.sfu.conference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.roundtable.sfu.api.EndpointHandle;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.api.TrackInfo;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.worker.SendLane;
import org.roundtable.sfu.worker.MediaWorker;
import org.roundtable.sfu.worker.WorkerCounters;

/**
 * One participant: a publish leg (its tracks come in) and a subscribe leg (other tracks go out).
 * The public {@link EndpointHandle} methods are thread-safe: they queue work on the conference's
 * worker. Everything else is confined to that worker.
 */
public final class Endpoint implements EndpointHandle {
    static final int INBOX_PACKETS = 2048;

    private final String id;
    private final Conference conference;
    private final MediaWorker worker;
    private final WorkerCounters counters;
    private final Leg publish;
    private final Leg subscribe;
    private final List<Producer> producers = new ArrayList<>();
    private final List<Consumer> consumers = new ArrayList<>();
    private final PublishReceiver receiver;
    private final EndpointRtcp rtcp;
    private final EndpointTimer timer;
    private final Negotiation negotiation;
    private final byte[] cname;
    /** Read by negotiation on other threads to refuse publish offers early. */
    private volatile boolean mayPublish;
    private boolean audioForwarded = true;
    private boolean videoForwarded = true;
    private volatile boolean closed;

    Endpoint(String id, Conference conference, boolean mayPublish) {
        this.id = id;
        this.conference = conference;
        this.worker = conference.worker();
        this.counters = worker.counters();
        this.mayPublish = mayPublish;
        java.util.concurrent.ThreadLocalRandom rnd = java.util.concurrent.ThreadLocalRandom.current();
        SfuContext context = conference.context();
        // one lane per endpoint, so endpoints (whose subscribe legs carry nearly all the traffic) spread
        // evenly; the publish leg only sends RTCP to the publisher
        SendLane lane = context.lanes().assign();
        this.publish = new Leg(id + "/publish", context.pool(), worker, rnd.nextLong(1, 0xFFFFFFFFL), lane);
        this.subscribe = new Leg(id + "/subscribe", context.pool(), worker, rnd.nextLong(1, 0xFFFFFFFFL), lane);
        this.cname = id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255
                ? id.getBytes(java.nio.charset.StandardCharsets.UTF_8) : Integer.toHexString(id.hashCode()).getBytes();
        this.receiver = new PublishReceiver(this);
        this.rtcp = new EndpointRtcp(this);
        this.timer = new EndpointTimer(this);
        this.negotiation = new Negotiation(this);
    }

    // ---- thread-safe handle ----

    @Override public String id() { return id; }

    @Override
    public CompletableFuture<String> answerPublish(String offerSdp) {
        return negotiation.answerPublish(offerSdp);
    }

    @Override
    public CompletableFuture<String> answerSubscribe(String offerSdp, Map<String, String> midToTrackId) {
        return negotiation.answerSubscribe(offerSdp, Map.copyOf(midToTrackId));
    }

    @Override
    public void setMayPublish(boolean may) {
        mayPublish = may;
        runOnWorker(() -> {
            if (may) {
                requestKeyframes();
            } else {
                retractProducers(); // a demoted endpoint's tracks end now, not when it next sends
            }
        });
    }

    @Override
    public void setAudioForwarded(boolean forwarded) {
        runOnWorker(() -> {
            if (forwarded && !audioForwarded) {
                spliceAfterPause(MediaKind.AUDIO);
            }
            audioForwarded = forwarded;
        });
    }

    @Override
    public void setVideoForwarded(boolean forwarded) {
        runOnWorker(() -> {
            boolean resumed = forwarded && !videoForwarded;
            videoForwarded = forwarded;
            if (resumed) {
                spliceAfterPause(MediaKind.VIDEO);
                requestKeyframes();
            }
        });
    }

    @Override
    public void close() {
        runOnWorker(() -> conference.removeEndpoint(this, null));
    }

    private void runOnWorker(Runnable r) {
        if (closed) {
            return;
        }
        try {
            worker.execute(r);
        } catch (IllegalStateException stopped) {
            // the server is shutting down and frees everything itself
        }
    }

    // ---- worker-confined ----

    Conference conference() { return conference; }
    MediaWorker worker() { return worker; }
    WorkerCounters counters() { return counters; }
    Leg publishLeg() { return publish; }
    Leg subscribeLeg() { return subscribe; }
    List<Producer> producers() { return producers; }
    List<Consumer> consumers() { return consumers; }
    EndpointRtcp rtcp() { return rtcp; }
    byte[] cname() { return cname; }
    boolean mayPublish() { return mayPublish; }
    boolean audioForwarded() { return audioForwarded; }
    boolean videoForwarded() { return videoForwarded; }
    boolean isClosed() { return closed; }

    /** What this receiver acknowledged getting (transport-cc), in bit/s; 0 until measured. Worker. */
    long receiveBitrateBps() { return subscribe.ackedBitrate().bitrateBps(); }

    /** The receiver's own estimate from its last REMB, 0 if none. Worker. */
    long rembBitrateBps() { return subscribe.estimatedBitrateBps(); }

    /** Creates the leg's inbox and hooks the transport's events to this endpoint. Any thread. */
    LegTransport.Events eventsFor(Leg leg, boolean publishSide) {
        Endpoint self = this;
        return new LegTransport.Events() {
            @Override public void onConnected() {
                self.runOnWorker(() -> {
                    leg.connected();
                    if (!publishSide) {
                        for (Consumer c : consumers) {
                            c.producer().requestKeyframe(worker.nanos());
                        }
                    }
                });
            }
            @Override public void onPacket(PacketBuffer packet) {
                var inbox = leg.inbox();
                if (inbox == null) {
                    packet.release();
                    return;
                }
                inbox.offer(packet);
            }
            @Override public void onClosed(String reason) {
                self.runOnWorker(() -> {
                    // a transport made for a negotiation that failed was never attached: its close is no expiry
                    if (!closed && leg.hasTransport()) {
                        conference.removeEndpoint(self, reason);
                    }
                });
            }
        };
    }

    /** Installs a transport created for {@code leg} (worker). */
    void attach(Leg leg, LegTransport transport) {
        boolean publishSide = leg == publish;
        leg.attach(transport, worker.newInbox(INBOX_PACKETS,
                publishSide ? receiver::onPublishPacket : receiver::onSubscribePacket));
        timer.ensureScheduled();
    }

    /** Replaces the published tracks with those of a new publish answer. */
    void updateProducers(List<ProducerSpec> specs) {
        for (Producer p : new ArrayList<>(producers)) {
            ProducerSpec same = specs.stream().filter(s -> s.mid().equals(p.mid()) && s.kind() == p.kind()
                    && s.codecName().equals(p.codecName()) && s.payloadType() == p.payloadType()
                    && java.util.Objects.equals(s.forwardedRid(), p.forwardedRid())).findFirst().orElse(null);
            if (same == null) {
                removeProducer(p);
            } else if (same.ssrc() != p.ssrc() || same.rtxSsrc() != p.rtxSsrc()) {
                p.rebind(same.ssrc(), same.rtxSsrc());
            }
        }
        for (ProducerSpec s : specs) {
            if (producers.stream().anyMatch(p -> p.mid().equals(s.mid()))) {
                continue;
            }
            TrackInfo track = new TrackInfo(trackId(s.mid()), id, s.kind());
            Producer p = new Producer(track, this, s.mid(), s.codecName(), s.payloadType(), s.clockRate(),
                    s.rtxPayloadType(), s.ssrc(), s.rtxSsrc(), s.extensions(), s.nack(), s.forwardedRid());
            producers.add(p);
            conference.addProducer(p);
        }
    }

    /** The conference-wide id of the track this endpoint publishes on {@code mid}. */
    String trackId(String mid) {
        return id + ":" + mid;
    }

    /** Replaces the consumers with those of a new subscribe answer. */
    void updateConsumers(List<ConsumerSpec> specs) {
        for (Consumer c : new ArrayList<>(consumers)) {
            boolean kept = specs.stream().anyMatch(s -> s.mid().equals(c.mid()) && s.ssrc() == c.ssrc()
                    && s.trackId().equals(c.producer().trackId()));
            if (!kept) {
                removeConsumer(c);
            }
        }
        long now = worker.nanos();
        for (ConsumerSpec s : specs) {
            if (consumers.stream().anyMatch(c -> c.mid().equals(s.mid()))) {
                continue;
            }
            Producer p = conference.producer(s.trackId());
            if (p == null) {
                continue; // the track ended while the receiver was negotiating
            }
            Consumer c = new Consumer(p, this, s.mid(), s.ssrc(), s.rtxSsrc(), s.payloadType(), s.rtxPayloadType(),
                    s.extensions(), s.nack(), p.publisher().cname());
            consumers.add(c);
            p.addConsumer(c);
            if (subscribe.isConnected()) {
                p.requestKeyframe(now);
            }
        }
    }

    /** Whether an SSRC is already used by one of this endpoint's consumers. */
    boolean usesSsrc(long ssrc) {
        for (Consumer c : consumers) {
            if (c.ssrc() == ssrc || c.rtxSsrc() == ssrc) {
                return true;
            }
        }
        return ssrc == subscribe.rtcpSsrc() || ssrc == publish.rtcpSsrc();
    }

    Consumer consumerForMid(String mid) {
        for (Consumer c : consumers) {
            if (c.mid().equals(mid)) {
                return c;
            }
        }
        return null;
    }

    void removeConsumer(Consumer c) {
        consumers.remove(c);
        c.producer().removeConsumer(c);
    }

    void removeProducer(Producer p) {
        producers.remove(p);
        for (Consumer c : new ArrayList<>(p.consumers())) {
            c.receiver().removeConsumer(c);
        }
        conference.removeProducer(p);
    }

    /** Ends the tracks for their receivers but keeps the negotiated m-sections for a later promotion. */
    private void retractProducers() {
        for (Producer p : producers) {
            for (Consumer c : new ArrayList<>(p.consumers())) {
                c.receiver().removeConsumer(c);
            }
            if (p.retract()) {
                conference.announceRemoved(p);
            }
        }
    }

    private void removeAllProducers() {
        for (Producer p : new ArrayList<>(producers)) {
            removeProducer(p);
        }
    }

    /** Sends a PLI for {@code mediaSsrc} on the publish leg; false if it is not up. */
    boolean sendPli(long mediaSsrc) {
        return rtcp.sendPli(mediaSsrc);
    }

    /**
     * Receivers must not see the packets held back during a server-side mute as lost (they would
     * NACK them all): the next packet continues their sequence as if from a new source.
     */
    private void spliceAfterPause(MediaKind kind) {
        for (Producer p : producers) {
            if (p.kind() == kind) {
                for (Consumer c : p.consumers()) {
                    c.rewriter().restart();
                }
            }
        }
    }

    private void requestKeyframes() {
        long now = worker.nanos();
        for (Producer p : producers) {
            if (p.kind() == MediaKind.VIDEO) {
                p.requestKeyframe(now);
            }
        }
    }

    /** Frees everything of this endpoint (worker). */
    void free() {
        if (closed) {
            return;
        }
        closed = true;
        timer.cancel();
        for (Consumer c : new ArrayList<>(consumers)) {
            removeConsumer(c);
        }
        removeAllProducers();
        publish.close();
        subscribe.close();
    }
}
