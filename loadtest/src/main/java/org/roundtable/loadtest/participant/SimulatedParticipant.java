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
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.srtp.SrtpProfile;

/**
 * One synthetic minister or viewer: joins through the real signaling protocol (welcome, publish /
 * publishAnswer, tracks, subscribe / subscribeAnswer), runs its peer connections on a shared
 * media worker. Signaling messages are handled one at a time on the shared control executor
 * (transport set-up may block briefly); media state lives on the media worker.
 */
public final class SimulatedParticipant extends ParticipantLifecycle {
    private final Vertx vertx;
    private final BufferPool pool;
    private final String bindAddress;
    private final TrackDirectory directory;
    private final SplittableRandom random;
    private final String webSocketUrl;

    // control-executor state
    private SignalingClient signaling;
    private boolean subscribeInFlight;
    private List<TrackRef> pendingTracks;
    private List<TrackRef> latestTracks = List.of();

    // read by the reporter
    private volatile String participantId;
    private volatile SrtpProfile publishProfile;
    private volatile SrtpProfile subscribeProfile;

    public SimulatedParticipant(ParticipantSpec spec, Vertx vertx, Executor control, MediaWorker worker,
                                BufferPool pool, String bindAddress, TrackDirectory directory, String webSocketUrl) {
        super(spec, control, worker);
        this.webSocketUrl = webSocketUrl;
        this.vertx = vertx;
        this.pool = pool;
        this.bindAddress = bindAddress;
        this.directory = directory;
        this.random = new SplittableRandom(spec.seed());
    }

    /** Opens the WebSocket; everything else follows from the server's messages. Any thread. */
    @Override
    public void join() {
        control.execute(() -> {
            joinStartNanos = System.nanoTime();
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

    @Override
    public void onConnected(Object connection, SrtpProfile profile) {
        if (connection == publish) {
            publishProfile = profile;
        } else {
            subscribeProfile = profile;
        }
    }

    /** Closes the WebSocket once the transports are handed back to the worker. Control executor. */
    @Override
    protected void closeSignaling() {
        if (signaling != null) {
            signaling.close();
        }
    }

    // ---- reading (reporter thread, or worker thread where noted)

    public String participantId() { return participantId; }

    public String srtpProfiles() {
        return String.format(Locale.ROOT, "%s/%s", publishProfile, subscribeProfile);
    }
}
