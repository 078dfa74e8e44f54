package org.roundtable.loadtest.participant;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.roundtable.loadtest.engine.MediaWorker;
import org.roundtable.loadtest.signaling.JoinTokenSigner;
import org.roundtable.loadtest.signaling.SignalingClient;
import org.roundtable.sfu.buffer.BufferPool;

/**
 * Participants that join a Roundtable server: a join token each, one Vert.x instance and one
 * control thread shared by all of them. Thread-safe for {@link #create}.
 */
public final class RoundtableParticipants implements ParticipantFactory {
    private final Vertx vertx = Vertx.vertx();
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loadtest-control");
        t.setDaemon(true);
        return t;
    });
    private final String baseUrl;
    private final String room;
    private final String bindAddress;
    private final JoinTokenSigner signer;
    private final Duration tokenValidity;

    public RoundtableParticipants(String baseUrl, String room, String bindAddress, JoinTokenSigner signer,
                                  Duration tokenValidity) {
        this.baseUrl = baseUrl;
        this.room = room;
        this.bindAddress = bindAddress;
        this.signer = signer;
        this.tokenValidity = tokenValidity;
    }

    @Override
    public LoadParticipant create(ParticipantSpec spec, MediaWorker worker, BufferPool pool, TrackDirectory directory) {
        String token = signer.sign(room, spec.role(), spec.name(), tokenValidity);
        return new SimulatedParticipant(spec, vertx, control, worker, pool, bindAddress, directory,
                SignalingClient.webSocketUrl(baseUrl, token));
    }

    @Override
    public String target() {
        return "roundtable";
    }

    @Override
    public void close() {
        control.shutdown();
        try {
            control.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
