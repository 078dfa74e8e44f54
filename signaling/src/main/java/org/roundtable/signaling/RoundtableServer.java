package org.roundtable.signaling;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.time.Clock;

import org.roundtable.sfu.api.MediaServer;
import org.roundtable.signaling.auth.JoinTokens;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.auth.SecretStore;
import org.roundtable.signaling.cli.ServerOptions;
import org.roundtable.signaling.http.SignalingVerticle;

/** A running signaling server in front of a media server. Thread-safe. */
public final class RoundtableServer {

    private final Vertx vertx;
    private final String deploymentId;
    private final SignalingVerticle verticle;
    private final ServerOptions options;

    private RoundtableServer(Vertx vertx, String deploymentId, SignalingVerticle verticle, ServerOptions options) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.verticle = verticle;
        this.options = options;
    }

    /**
     * Loads (or creates) the secret in {@code options.secretFile()}, then serves HTTP and
     * WebSockets on {@code options.host():options.httpPort()}. The media server stays the caller's to close.
     */
    public static Future<RoundtableServer> start(Vertx vertx, ServerOptions options, MediaServer media, Clock clock) {
        byte[] secret;
        try {
            secret = SecretStore.loadOrCreate(options.secretFile());
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        SignalingVerticle verticle = new SignalingVerticle(options, media, secret, clock);
        return vertx.deployVerticle(verticle).map(id -> new RoundtableServer(vertx, id, verticle, options));
    }

    public int httpPort() {
        return verticle.actualPort();
    }

    public JoinTokens tokens() {
        return verticle.tokens();
    }

    /** {@code http(s)://host:port} as browsers reach it. */
    public String baseUrl() {
        return options.linkBase(httpPort());
    }

    /** A join link for this server, valid for {@link JoinTokens#DEFAULT_VALIDITY}. */
    public String joinLink(String room, Role role, String name) {
        return JoinLinks.url(baseUrl(), tokens().issue(room, role, name, JoinTokens.DEFAULT_VALIDITY));
    }

    public Future<Void> stop() {
        return vertx.undeploy(deploymentId);
    }

}
