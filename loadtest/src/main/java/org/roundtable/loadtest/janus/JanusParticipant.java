package org.roundtable.loadtest.janus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.roundtable.loadtest.engine.MediaWorker;
import org.roundtable.loadtest.participant.ParticipantLifecycle;
import org.roundtable.loadtest.participant.ParticipantSpec;
import org.roundtable.loadtest.participant.PublishConnection;
import org.roundtable.loadtest.participant.SubscribeConnection;
import org.roundtable.loadtest.participant.TrackDirectory;
import org.roundtable.loadtest.participant.TrackRef;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.srtp.SrtpProfile;

/**
 * A synthetic participant in a Janus VideoRoom, with the same media as on Roundtable: a minister
 * joins as publisher and publishes with our offer (we are the DTLS client: {@code a=setup:active});
 * everyone subscribes to every other publisher on one multistream subscriber handle, where Janus
 * offers and we answer. New publishers are found by listing the room every 2 s. Signaling runs
 * on the shared control executor (blocking HTTP), media on the media worker.
 */
public final class JanusParticipant extends ParticipantLifecycle {
    static final String PLUGIN = "janus.plugin.videoroom";
    private static final long TIMEOUT_SECONDS = 15;

    private final JanusSession session;
    private final long room;
    private final ScheduledExecutorService scheduler;
    private final BufferPool pool;
    private final String bindAddress;
    private final TrackDirectory directory;
    private final SplittableRandom random;

    // control-executor state
    private long handle;
    private long subscriberHandle;
    private long publisherId = -1;
    private final Set<Long> subscribedFeeds = new LinkedHashSet<>();
    private final List<TrackRef> tracks = new ArrayList<>();
    private ScheduledFuture<?> refresher;

    JanusParticipant(ParticipantSpec spec, HttpClient http, String baseUrl, long room, ScheduledExecutorService control,
                     MediaWorker worker, BufferPool pool, String bindAddress, TrackDirectory directory) {
        super(spec, control, worker);
        this.room = room;
        this.scheduler = control;
        this.pool = pool;
        this.bindAddress = bindAddress;
        this.directory = directory;
        this.random = new SplittableRandom(spec.seed());
        this.session = new JanusSession(http, baseUrl, event -> {
            if ("lost".equals(event.getString("janus")) || "hangup".equals(event.getString("janus"))) {
                fail("janus: " + event.getString("janus") + " " + event.getString("reason", ""));
            }
        });
    }

    @Override
    public void join() {
        control.execute(() -> {
            joinStartNanos = System.nanoTime();
            try {
                session.create();
                handle = session.attach(PLUGIN);
                if (spec.publishes()) {
                    publish();
                }
                welcomed = true;
                refresher = scheduler.scheduleWithFixedDelay(this::refreshSubscriptions, 0, 2, TimeUnit.SECONDS);
            } catch (Exception e) {
                fail("join: " + e);
            }
        });
    }

    private void publish() throws Exception {
        JsonObject joined = session.message(handle, new JsonObject().put("request", "join").put("ptype", "publisher")
                .put("room", room).put("display", spec.name()), null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        publisherId = data(joined).getLong("id");
        directory.bind(String.valueOf(publisherId), spec.audioTrack(), spec.videoTrack());
        publish = new PublishConnection(bindAddress, pool, spec.plan(), random.split(), cname(), "s-" + spec.name(),
                spec.audioTrack(), spec.videoTrack(), this);
        worker.add(publish);
        String offer = JanusSdp.asDtlsClient(publish.offer());
        JsonObject configured = session.message(handle, new JsonObject().put("request", "publish")
                        .put("audio", true).put("video", spec.plan().sendVideo()),
                new JsonObject().put("type", "offer").put("sdp", offer)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        JsonObject jsep = configured.getJsonObject("jsep");
        if (jsep == null) {
            throw new IllegalStateException("janus answered the publish without SDP: " + data(configured));
        }
        publish.accept(jsep.getString("sdp"));
        session.trickleCompleted(handle);
    }

    private void refreshSubscriptions() {
        if (left || error != null) {
            return;
        }
        try {
            JsonObject list = session.request(handle, new JsonObject().put("request", "listparticipants").put("room", room));
            Set<Long> feeds = new LinkedHashSet<>();
            JsonArray participants = list.getJsonArray("participants", new JsonArray());
            for (int i = 0; i < participants.size(); i++) {
                JsonObject p = participants.getJsonObject(i);
                long id = p.getLong("id");
                if (p.getBoolean("publisher", false) && id != publisherId) {
                    feeds.add(id);
                }
            }
            feeds.removeAll(subscribedFeeds);
            if (feeds.isEmpty()) {
                return;
            }
            JsonArray streams = new JsonArray();
            feeds.forEach(f -> streams.add(new JsonObject().put("feed", f)));
            JsonObject event;
            if (subscriberHandle == 0) {
                subscriberHandle = session.attach(PLUGIN);
                subscribe = new SubscribeConnection(bindAddress, pool, random.split(), cname(), directory::clockRate, this);
                worker.add(subscribe);
                event = session.message(subscriberHandle, new JsonObject().put("request", "join").put("ptype", "subscriber")
                        .put("room", room).put("streams", streams), null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } else {
                event = session.message(subscriberHandle, new JsonObject().put("request", "subscribe")
                        .put("streams", streams), null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            subscribedFeeds.addAll(feeds);
            readTracks(data(event).getJsonArray("streams", new JsonArray()));
            JsonObject jsep = event.getJsonObject("jsep");
            if (jsep != null) {
                String answer = subscribe.answerOffer(jsep.getString("sdp"));
                session.message(subscriberHandle, new JsonObject().put("request", "start"),
                        new JsonObject().put("type", "answer").put("sdp", answer)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            fail("subscribe: " + e);
        }
    }

    private void readTracks(JsonArray streams) {
        tracks.clear();
        for (int i = 0; i < streams.size(); i++) {
            JsonObject s = streams.getJsonObject(i);
            String type = s.getString("type", "");
            Object feed = s.getValue("feed_id");
            if (feed == null || !(type.equals("audio") || type.equals("video"))) {
                continue;
            }
            tracks.add(new TrackRef(feed + "/" + s.getString("feed_mid", s.getString("mid")), String.valueOf(feed),
                    type.equals("audio") ? MediaKind.AUDIO : MediaKind.VIDEO));
        }
        tracksToReceive = List.copyOf(tracks);
    }

    private static JsonObject data(JsonObject event) {
        return event.getJsonObject("plugindata", new JsonObject()).getJsonObject("data", new JsonObject());
    }

    private String cname() {
        return spec.name() + "-" + Long.toHexString(random.nextLong() & 0xFFFFFFFFL);
    }

    @Override
    public void onConnected(Object connection, SrtpProfile profile) {
    }

    @Override
    protected void beforeReleasingConnections() {
        if (refresher != null) {
            refresher.cancel(false);
        }
    }

    @Override
    protected void closeSignaling() {
        session.close();
    }
}
