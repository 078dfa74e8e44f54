package org.roundtable.sfu.conference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import org.roundtable.sfu.api.MediaException;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.sdp.Answer;
import org.roundtable.sfu.sdp.AnswerBuilder;
import org.roundtable.sfu.sdp.Direction;
import org.roundtable.sfu.sdp.LocalTransportInfo;
import org.roundtable.sfu.sdp.NegotiatedMedia;
import org.roundtable.sfu.sdp.OutgoingTrack;
import org.roundtable.sfu.sdp.SessionDescription;

/**
 * Offer/answer for one endpoint's two legs. Slow steps (parsing, building the answer, creating
 * the ICE agent) run on the control executor; state changes run on the worker; one negotiation
 * per endpoint at a time (they are chained). Thread-safe.
 */
final class Negotiation {
    private final Endpoint endpoint;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    /** Written and read only inside the chain, which runs one step at a time. */
    private volatile LegTransport publishTransport;
    private volatile LegTransport subscribeTransport;

    Negotiation(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    CompletableFuture<String> answerPublish(String offerSdp) {
        return chain(() -> CompletableFuture
                .supplyAsync(() -> preparePublish(offerSdp), endpoint.conference().context().control())
                .thenCompose(prep -> endpoint.worker().submit(() -> installPublish(prep)))
                .thenApply(this::startIfNew));
    }

    CompletableFuture<String> answerSubscribe(String offerSdp, Map<String, String> midToTrackId) {
        var control = endpoint.conference().context().control();
        return chain(() -> CompletableFuture
                .supplyAsync(() -> parseAndEnsureSubscribe(offerSdp), control)
                .thenCompose(prep -> endpoint.worker().submit(() -> chooseTracks(prep, midToTrackId)))
                .thenApplyAsync(this::buildSubscribeAnswer, control)
                .thenCompose(prep -> endpoint.worker().submit(() -> installSubscribe(prep)))
                .thenApply(this::startIfNew));
    }

    private synchronized <T> CompletableFuture<T> chain(java.util.function.Supplier<CompletableFuture<T>> step) {
        CompletableFuture<T> next = tail.handle((v, e) -> null).thenCompose(v -> step.get());
        tail = next;
        return next.handle((v, e) -> {
            if (e == null) {
                return v;
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof MediaException m ? new CompletionException(m)
                    : new CompletionException(new MediaException("internal", String.valueOf(cause.getMessage())));
        });
    }

    /** One negotiation in progress. */
    private static final class Prepared {
        SessionDescription offer;
        LegTransport transport;
        Leg leg;
        boolean newTransport;
        Answer answer;
        Map<String, OutgoingTrack> tracks;
        Map<String, String> trackIdByMid;
    }

    // ---- publish ----

    private Prepared preparePublish(String offerSdp) {
        if (!endpoint.mayPublish()) {
            throw new MediaException("not-allowed", "endpoint " + endpoint.id() + " may not publish");
        }
        Prepared p = new Prepared();
        p.offer = SessionDescription.parse(offerSdp);
        p.leg = endpoint.publishLeg();
        p.newTransport = publishTransport == null;
        if (p.newTransport) {
            publishTransport = createTransport(p.leg, true);
        }
        p.transport = publishTransport;
        try {
            p.answer = AnswerBuilder.answerPublish(p.offer, local(p.transport));
        } catch (RuntimeException e) {
            dropIfNew(p);
            throw e;
        }
        return p;
    }

    private Prepared installPublish(Prepared p) {
        if (endpoint.isClosed()) {
            dropIfNew(p);
            throw new MediaException("closed", "endpoint " + endpoint.id() + " left");
        }
        if (p.newTransport) {
            endpoint.attach(p.leg, p.transport);
        }
        List<ProducerSpec> specs = new ArrayList<>();
        for (NegotiatedMedia m : p.answer.media()) {
            if (!m.accepted() || m.direction() != Direction.RECVONLY) {
                continue;
            }
            long ssrc = m.ssrcs().isEmpty() ? -1 : m.ssrcs().get(0);
            long rtxSsrc = ssrc >= 0 ? m.rtxSsrcByPrimary().getOrDefault(ssrc, -1L) : -1;
            specs.add(new ProducerSpec(m.mid(), m.kind(), m.codec().name(), m.codec().pt(), m.codec().clockRate(),
                    m.rtxPt(), ssrc, rtxSsrc, new ExtensionIds(m.extensionIdsByUri()), hasNack(m), forwardedRid(m)));
        }
        endpoint.updateProducers(specs);
        return p;
    }

    // ---- subscribe ----

    private Prepared parseAndEnsureSubscribe(String offerSdp) {
        Prepared p = new Prepared();
        p.offer = SessionDescription.parse(offerSdp);
        p.leg = endpoint.subscribeLeg();
        p.newTransport = subscribeTransport == null;
        if (p.newTransport) {
            subscribeTransport = createTransport(p.leg, false);
        }
        p.transport = subscribeTransport;
        return p;
    }

    /** Worker: which of the asked-for tracks exist, with our SSRCs (kept for tracks already sent). */
    private Prepared chooseTracks(Prepared p, Map<String, String> midToTrackId) {
        p.tracks = new LinkedHashMap<>();
        p.trackIdByMid = new LinkedHashMap<>();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        List<Long> taken = new ArrayList<>();
        for (Map.Entry<String, String> e : midToTrackId.entrySet()) {
            Producer producer = endpoint.conference().producer(e.getValue());
            if (producer == null || producer.publisher() == endpoint) {
                continue; // unknown or own track: the m-section is answered inactive
            }
            Consumer existing = endpoint.consumerForMid(e.getKey());
            long ssrc;
            long rtxSsrc;
            if (existing != null && existing.producer() == producer) {
                ssrc = existing.ssrc();
                rtxSsrc = existing.rtxSsrc();
            } else {
                ssrc = freshSsrc(rnd, taken);
                rtxSsrc = producer.kind() == MediaKind.VIDEO ? freshSsrc(rnd, taken) : -1;
            }
            String publisherId = producer.publisher().id();
            p.tracks.put(e.getKey(), new OutgoingTrack(producer.kind(), ssrc, rtxSsrc, publisherId, publisherId,
                    producer.trackId(), producer.codecName()));
            p.trackIdByMid.put(e.getKey(), producer.trackId());
        }
        return p;
    }

    private long freshSsrc(ThreadLocalRandom rnd, List<Long> taken) {
        while (true) {
            long s = rnd.nextLong(1, 0xFFFFFFFFL);
            if (!taken.contains(s) && !endpoint.usesSsrc(s)) {
                taken.add(s);
                return s;
            }
        }
    }

    private Prepared buildSubscribeAnswer(Prepared p) {
        try {
            p.answer = AnswerBuilder.answerSubscribe(p.offer, local(p.transport), p.tracks);
        } catch (RuntimeException e) {
            endpoint.worker().execute(() -> dropIfNew(p));
            throw e;
        }
        return p;
    }

    private Prepared installSubscribe(Prepared p) {
        if (endpoint.isClosed()) {
            dropIfNew(p);
            throw new MediaException("closed", "endpoint " + endpoint.id() + " left");
        }
        if (p.newTransport) {
            endpoint.attach(p.leg, p.transport);
        }
        List<ConsumerSpec> specs = new ArrayList<>();
        for (NegotiatedMedia m : p.answer.media()) {
            String trackId = p.trackIdByMid.get(m.mid());
            if (trackId == null || !m.accepted() || m.direction() != Direction.SENDONLY || m.ssrcs().isEmpty()) {
                continue;
            }
            Producer producer = endpoint.conference().producer(trackId);
            if (producer == null || !producer.codecName().equalsIgnoreCase(m.codec().name())) {
                continue; // the receiver cannot decode what the publisher sends
            }
            long ssrc = m.ssrcs().get(0);
            long rtxSsrc = m.rtxSsrcByPrimary().getOrDefault(ssrc, -1L);
            specs.add(new ConsumerSpec(m.mid(), trackId, ssrc, rtxSsrc, m.codec().pt(), rtxSsrc >= 0 ? m.rtxPt() : -1,
                    new ExtensionIds(m.extensionIdsByUri()), hasNack(m)));
        }
        endpoint.updateConsumers(specs);
        return p;
    }

    // ---- shared ----

    private LegTransport createTransport(Leg leg, boolean publishSide) {
        return endpoint.conference().context().transports()
                .create(leg.name(), endpoint.eventsFor(leg, publishSide));
    }

    private static LocalTransportInfo local(LegTransport t) {
        return new LocalTransportInfo(t.localUfrag(), t.localPassword(), t.localFingerprint(), t.candidateLine());
    }

    private String startIfNew(Prepared p) {
        if (p.newTransport) {
            p.transport.start(p.offer.iceUfrag(), p.offer.icePwd(), p.offer.fingerprintAlgo(), p.offer.fingerprintHex());
        }
        return p.answer.sdp();
    }

    /** A transport created for a negotiation that failed before it was attached is closed again. */
    private void dropIfNew(Prepared p) {
        if (!p.newTransport || p.transport == null) {
            return;
        }
        if (p.leg == endpoint.publishLeg() && publishTransport == p.transport) {
            publishTransport = null;
        } else if (p.leg == endpoint.subscribeLeg() && subscribeTransport == p.transport) {
            subscribeTransport = null;
        }
        if (p.leg.transport() != p.transport) {
            p.transport.close();
        }
    }

    /**
     * The simulcast layer to forward until a layer allocator exists: the last rid offered, which
     * by the usual low-to-high order of sendEncodings (and Chromium's q/h/f) is the fullest.
     */
    private static String forwardedRid(NegotiatedMedia m) {
        return m.rids().isEmpty() ? null : m.rids().get(m.rids().size() - 1);
    }

    private static boolean hasNack(NegotiatedMedia m) {
        return m.codec().rtcpFb().stream().anyMatch(f -> f.trim().equals("nack"));
    }
}
