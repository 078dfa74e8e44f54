package org.roundtable.signaling.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.roundtable.sfu.api.ConferenceHandle;
import org.roundtable.sfu.api.ConferenceListener;
import org.roundtable.sfu.api.EndpointHandle;
import org.roundtable.sfu.api.DelayDistribution;
import org.roundtable.sfu.api.MediaCounters;
import org.roundtable.sfu.api.MediaException;
import org.roundtable.sfu.api.MediaServer;
import org.roundtable.sfu.api.TrackInfo;

/**
 * TEST DOUBLE of the media plane (the real one is org.roundtable.sfu.SfuServer), kept for the
 * signaling module's protocol-level tests only: WebSocketProtocolTest and ModerationProtocolTest
 * (also ModerationApiTest, and HttpEndpointsTest for the metrics mapping). Why: those tests
 * assert what signaling <em>asked</em> the media server (which endpoint may publish, whose audio
 * or video is forwarded, which mid maps to which track), raise SFU events on demand (a track
 * published, an endpoint expired) and read fixed counters; the real SFU neither exposes those
 * calls nor produces those events without real media. Browser tests never use it: they run the
 * real SfuServer (e2e.LiveStack). It records calls, answers an SDP offer with "answer-to:" + the offer,
 * and lets a test raise the conference events the SFU would raise. Thread-safe.
 */
public final class MediaServerTestDouble implements MediaServer {

    /** What an endpoint was asked. */
    public record SubscribeCall(String offer, Map<String, String> midToTrackId) {
    }

    public final Map<String, ConferenceDouble> conferences = new ConcurrentHashMap<>();
    public final Map<String, EndpointDouble> endpoints = new ConcurrentHashMap<>();
    private final AtomicInteger liveConferences = new AtomicInteger();

    private static CompletableFuture<String> answer(String offerSdp) {
        return CompletableFuture.completedFuture("answer-to:" + offerSdp);
    }

    /** The endpoint of a participant's latest session: endpoint ids are {@code participantId.n}. */
    public EndpointDouble endpointOf(String participantId) {
        return endpoints.values().stream()
                .filter(e -> e.id.startsWith(participantId + "."))
                .max(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.id.substring(participantId.length() + 1))))
                .orElseThrow(() -> new AssertionError("no endpoint of " + participantId));
    }

    /** The conference an endpoint belongs to. */
    public ConferenceDouble conferenceOf(String endpointId) {
        return endpoints.get(endpointId).conference;
    }

    @Override
    public ConferenceHandle conference(String conferenceId, ConferenceListener listener) {
        return conferences.computeIfAbsent(conferenceId, id -> {
            liveConferences.incrementAndGet();
            return new ConferenceDouble(id, listener);
        });
    }

    @Override
    public int conferenceCount() {
        return liveConferences.get();
    }

    @Override
    public MediaCounters counters() {
        return new MediaCounters() {
            @Override public long packetsIn() { return 11; }
            @Override public long bytesIn() { return 12_000; }
            @Override public long packetsOut() { return 21; }
            @Override public long bytesOut() { return 22_000; }
            @Override public Map<String, Long> droppedByReason() { return Map.of("not-publisher", 3L, "malformed", 1L); }
            @Override public long srtpFailures() { return 2; }
            @Override public long dtlsHandshakeFailures() { return 1; }
            @Override public long dtlsHandshakes() { return 5; }
            @Override public int endpoints() { return endpoints.size(); }
            @Override public DelayDistribution forwardingDelay() {
                return new DelayDistribution(new double[] {0.001, 0.002, Double.POSITIVE_INFINITY}, new long[] {3, 1, 0}, 0.004);
            }
        };
    }

    @Override
    public void close() {
        conferences.values().forEach(ConferenceDouble::close);
    }

    public final class ConferenceDouble implements ConferenceHandle {
        private final String id;
        public final ConferenceListener listener;
        public volatile boolean closed;

        ConferenceDouble(String id, ConferenceListener listener) {
            this.id = id;
            this.listener = listener;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public EndpointHandle addEndpoint(String endpointId, boolean mayPublish) {
            EndpointDouble endpoint = new EndpointDouble(endpointId, mayPublish, this);
            endpoints.put(endpointId, endpoint);
            return endpoint;
        }

        @Override
        public int endpointCount() {
            return (int) endpoints.values().stream().filter(e -> e.conference == this && !e.closed).count();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                liveConferences.decrementAndGet();
            }
        }
    }

    public final class EndpointDouble implements EndpointHandle {
        private final String id;
        public volatile boolean mayPublish;
        public volatile boolean audioForwarded = true;
        public volatile boolean videoForwarded = true;
        final ConferenceDouble conference;
        public final List<String> publishOffers = new CopyOnWriteArrayList<>();
        public final List<SubscribeCall> subscribeCalls = new CopyOnWriteArrayList<>();
        public volatile boolean closed;

        EndpointDouble(String id, boolean mayPublish, ConferenceDouble conference) {
            this.id = id;
            this.mayPublish = mayPublish;
            this.conference = conference;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public CompletableFuture<String> answerPublish(String offerSdp) {
            publishOffers.add(offerSdp);
            if (!mayPublish) {
                return CompletableFuture.failedFuture(new MediaException("not-allowed", "endpoint may not publish"));
            }
            return answer(offerSdp);
        }

        @Override
        public CompletableFuture<String> answerSubscribe(String offerSdp, Map<String, String> midToTrackId) {
            subscribeCalls.add(new SubscribeCall(offerSdp, Map.copyOf(midToTrackId)));
            return answer(offerSdp);
        }

        @Override
        public void setMayPublish(boolean mayPublish) {
            this.mayPublish = mayPublish;
        }

        @Override
        public void setAudioForwarded(boolean forwarded) {
            audioForwarded = forwarded;
        }

        @Override
        public void setVideoForwarded(boolean forwarded) {
            videoForwarded = forwarded;
        }

        @Override
        public void close() {
            closed = true;
        }

        /** Raises what the SFU raises when this endpoint's first packet of a track arrives. */
        public TrackInfo publishTrack(String trackId, org.roundtable.sfu.api.MediaKind kind) {
            TrackInfo track = new TrackInfo(trackId, id, kind);
            conference.listener.onTrackAdded(track);
            return track;
        }
    }
}
