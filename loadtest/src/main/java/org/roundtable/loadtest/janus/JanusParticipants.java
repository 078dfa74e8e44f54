package org.roundtable.loadtest.janus;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.roundtable.loadtest.engine.MediaWorker;
import org.roundtable.loadtest.participant.LoadParticipant;
import org.roundtable.loadtest.participant.ParticipantFactory;
import org.roundtable.loadtest.participant.ParticipantSpec;
import org.roundtable.loadtest.participant.TrackDirectory;
import org.roundtable.sfu.buffer.BufferPool;

/**
 * Participants in a Janus VideoRoom: creates the room (numbered from the room name) through the
 * HTTP API at first use; shares one HTTP client and two control threads among participants.
 */
public final class JanusParticipants implements ParticipantFactory {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService control = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "loadtest-janus-control");
        t.setDaemon(true);
        return t;
    });
    private final String baseUrl;
    private final String roomName;
    private final String bindAddress;
    private final int maxPublishers;
    private volatile long room = -1;

    public JanusParticipants(String baseUrl, String roomName, String bindAddress, int maxPublishers) {
        this.baseUrl = baseUrl;
        this.roomName = roomName;
        this.bindAddress = bindAddress;
        this.maxPublishers = maxPublishers;
    }

    /** VideoRoom ids are numbers: one per room name, stable across runs. */
    static long roomNumber(String name) {
        return 1 + (name.hashCode() & 0x3FFFFFFFL);
    }

    @Override
    public LoadParticipant create(ParticipantSpec spec, MediaWorker worker, BufferPool pool, TrackDirectory directory) {
        if (room < 0) {
            room = ensureRoom();
        }
        return new JanusParticipant(spec, http, baseUrl, room, control, worker, pool, bindAddress, directory);
    }

    private long ensureRoom() {
        long number = roomNumber(roomName);
        try (JanusSession admin = new JanusSession(http, baseUrl, e -> { })) {
            admin.create();
            long handle = admin.attach(JanusParticipant.PLUGIN);
            JsonObject exists = admin.request(handle, new JsonObject().put("request", "exists").put("room", number));
            if (!exists.getBoolean("exists", false)) {
                JsonObject created = admin.request(handle, new JsonObject().put("request", "create").put("room", number)
                        .put("description", "roundtable-loadtest " + roomName).put("publishers", maxPublishers)
                        .put("bitrate", 0).put("audiocodec", "opus").put("videocodec", "vp8")
                        .put("transport_wide_cc_ext", true).put("notify_joining", false));
                if (created.containsKey("error")) {
                    throw new IllegalStateException("janus could not create room " + number + ": " + created.getString("error"));
                }
            }
            return number;
        } catch (IOException e) {
            throw new IllegalStateException("janus at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String target() {
        return "janus";
    }

    @Override
    public void close() {
        control.shutdown();
        try {
            control.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
