package org.roundtable.loadtest.participant;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import org.roundtable.loadtest.engine.MediaWorker;
import org.roundtable.loadtest.signaling.SignalingClient;
import org.roundtable.loadtest.stats.TrackReception;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.srtp.SrtpProfile;

/**
 * One synthetic minister or viewer: joins through the real signaling protocol (welcome, publish /
 * publishAnswer, tracks, subscribe / subscribeAnswer), runs its peer connections on a shared
 * media worker. Signaling messages are handled one at a time on the shared control executor
 * (transport set-up may block briefly); media state lives on the media worker.
 */
public final class SimulatedParticipant implements ConnectionEvents, LoadParticipant {
    private final ParticipantSpec spec;
    private final Vertx vertx;
    private final Executor control;
    private final MediaWorker worker;
    private final BufferPool pool;
    private final String bindAddress;
    private final TrackDirectory directory;
    private final SplittableRandom random;
    private final String webSocketUrl;

    // control-executor state
    private SignalingClient signaling;
    private PublishConnection publish;
    private SubscribeConnection subscribe;
    private boolean subscribeInFlight;
    private List<TrackRef> pendingTracks;
    private List<TrackRef> latestTracks = List.of();

    // read by the reporter
    private volatile boolean left;
    private volatile String participantId;
    private volatile long connectStartNanos;
    private volatile long firstMediaNanos;
    private volatile boolean welcomed;
    private volatile String error;
    private volatile SrtpProfile publishProfile;
    private volatile SrtpProfile subscribeProfile;
    private volatile List<TrackRef> tracksToReceive = List.of();

    public SimulatedParticipant(ParticipantSpec spec, Vertx vertx, Executor control, MediaWorker worker,
                                BufferPool pool, String bindAddress, TrackDirectory directory, String webSocketUrl) {
        this.webSocketUrl = webSocketUrl;
        this.spec = spec;
        this.vertx = vertx;
        this.control = control;
        this.worker = worker;
        this.pool = pool;
        this.bindAddress = bindAddress;
        this.directory = directory;
        this.random = new SplittableRandom(spec.seed());
    }

    /** Opens the WebSocket; everything else follows from the server's messages. Any thread. */
    @Override
    public void join() {
        control.execute(() -> {
            connectStartNanos = System.nanoTime();
            signaling = new SignalingClient(vertx);
            signaling.connect(webSocketUrl, new SignalingClient.Listener() {
                @Override
                public void onMessage(String type, JsonObject message) {
                    onControl(() -> handle(type, message));
                }

                @Override
                public void onClosed(String reason) {
                    onControl(() -> fail("signaling: " + reason));
                }
            }).onFailure(e -> onControl(() -> fail("cannot connect: " + e.getMessage())));
        });
    }

    /** Runs on the control executor unless the run is over (late messages after leaving are moot). */
    private void onControl(Runnable task) {
        if (left) {
            return;
        }
        try {
            control.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException afterShutdown) {
            // the runner already shut the control executor down: the participant has left
        }
    }

    private void handle(String type, JsonObject m) {
        try {
            switch (type) {
                case "welcome" -> onWelcome(m);
                case "publishAnswer" -> {
                    if (publish != null) {
                        publish.accept(m.getString("sdp"));
                    }
                }
                case "tracks" -> onTracks(m.getJsonArray("tracks", new JsonArray()));
                case "subscribeAnswer" -> onSubscribeAnswer(m.getString("sdp"));
                case "error" -> fail("server error " + m.getString("code") + ": " + m.getString("message"));
                default -> { } // pong, room events: not needed for media
            }
        } catch (RuntimeException e) {
            fail(type + ": " + e);
        }
    }

    private void onWelcome(JsonObject m) {
        participantId = m.getString("participantId");
        welcomed = true;
        if (spec.publishes()) {
            directory.bind(participantId, spec.audioTrack(), spec.videoTrack());
            publish = new PublishConnection(bindAddress, pool, spec.plan(), random.split(), cname(),
                    "s-" + spec.name(), spec.audioTrack(), spec.videoTrack(), this);
            worker.add(publish);
            signaling.send("publish", new JsonObject().put("sdp", publish.offer()));
        }
    }

    private String cname() {
        return spec.name() + "-" + Long.toHexString(random.nextLong() & 0xFFFFFFFFL);
    }

    private void onTracks(JsonArray list) {
        List<TrackRef> tracks = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonObject t = list.getJsonObject(i);
            MediaKind kind = "video".equalsIgnoreCase(t.getString("kind")) ? MediaKind.VIDEO : MediaKind.AUDIO;
            tracks.add(new TrackRef(t.getString("trackId"), t.getString("participantId"), kind));
        }
        latestTracks = tracks;
        tracksToReceive = List.copyOf(tracks);
        if (subscribe == null && tracks.isEmpty()) {
            return;
        }
        if (subscribeInFlight) {
            pendingTracks = tracks;
            return;
        }
        offerSubscribe(tracks);
    }

    private void offerSubscribe(List<TrackRef> tracks) {
        if (subscribe == null) {
            subscribe = new SubscribeConnection(bindAddress, pool, random.split(), cname(), directory::clockRate, this);
            worker.add(subscribe);
        }
        SubscribeConnection.Offer offer = subscribe.offer(tracks);
        JsonObject mids = new JsonObject();
        for (Map.Entry<String, String> e : offer.mids().entrySet()) {
            mids.put(e.getKey(), e.getValue());
        }
        subscribeInFlight = true;
        signaling.send("subscribe", new JsonObject().put("sdp", offer.sdp()).put("mids", mids));
    }

    private void onSubscribeAnswer(String sdp) {
        subscribeInFlight = false;
        if (subscribe != null) {
            subscribe.accept(sdp);
        }
        if (pendingTracks != null) {
            List<TrackRef> next = pendingTracks;
            pendingTracks = null;
            offerSubscribe(next);
        }
    }

    private void fail(String why) {
        if (error == null && !left) {
            error = why;
        }
    }

    @Override
    public void onConnected(Object connection, SrtpProfile profile) {
        if (connection == publish) {
            publishProfile = profile;
        } else {
            subscribeProfile = profile;
        }
    }

    @Override
    public void onClosed(Object connection, String reason) {
        if (!left && !"closed".equals(reason)) {
            fail((connection == publish ? "publish" : "subscribe") + " transport closed: " + reason);
        }
    }

    @Override
    public void onFirstMedia(long arrivalNanos) {
        if (firstMediaNanos == 0) {
            firstMediaNanos = arrivalNanos;
        }
    }

    /** Leaves: closes the WebSocket and hands the transports back to the worker to close. Control executor. */
    @Override
    public void markLeaving() {
        left = true;
    }

    @Override
    public void leave() {
        left = true;
        control.execute(() -> {
            if (publish != null) {
                worker.remove(publish);
            }
            if (subscribe != null) {
                worker.remove(subscribe);
            }
            if (signaling != null) {
                signaling.close();
            }
        });
    }

    // ---- reading (reporter thread, or worker thread where noted)

    @Override
    public ParticipantSpec spec() { return spec; }
    public String participantId() { return participantId; }
    @Override
    public boolean welcomed() { return welcomed; }
    @Override
    public String error() { return error; }
    @Override
    public List<TrackRef> tracksToReceive() { return tracksToReceive; }

    /** Milliseconds from opening the WebSocket to the first media packet, or -1. */
    @Override
    public double joinToFirstMediaMs() {
        long first = firstMediaNanos;
        return first == 0 || connectStartNanos == 0 ? -1 : (first - connectStartNanos) / 1e6;
    }

    public String srtpProfiles() {
        return String.format(Locale.ROOT, "%s/%s", publishProfile, subscribeProfile);
    }

    /** Worker thread (or after the worker stopped). */
    @Override
    public List<TrackReception> receptions() {
        SubscribeConnection s = subscribe;
        return s == null ? List.of() : s.receptions();
    }

    @Override
    public ParticipantCounters counters() {
        return ParticipantCounters.of(publish, subscribe);
    }
}
