package org.roundtable.signaling.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;

import java.time.Clock;

import org.roundtable.moderation.journal.JournalStore;
import org.roundtable.moderation.model.Settings;
import org.roundtable.sfu.api.MediaServer;
import org.roundtable.signaling.auth.JoinTokens;
import org.roundtable.signaling.cli.ServerOptions;
import org.roundtable.signaling.metrics.SignalingMetrics;
import org.roundtable.signaling.protocol.MessageDispatcher;
import org.roundtable.signaling.protocol.handlers.StandardHandlers;
import org.roundtable.signaling.room.RoundtableDirectory;

/**
 * HTTP + WebSocket on one port. Deployed as a single instance, so every roundtable, session and
 * handler runs on this verticle's one event loop.
 */
public final class SignalingVerticle extends VerticleBase {

    private final ServerOptions options;
    private final MediaServer media;
    private final byte[] secret;
    private final Clock clock;
    private JoinTokens tokens;
    private SignalingMetrics metrics;
    private HttpServer server;
    private RoundtableDirectory directory;

    public SignalingVerticle(ServerOptions options, MediaServer media, byte[] secret, Clock clock) {
        this.options = options;
        this.media = media;
        this.secret = secret.clone();
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        tokens = new JoinTokens(vertx, secret, clock);
        directory = new RoundtableDirectory(media, context, new JournalStore(options.dataDir()), Settings.defaults(), clock);
        metrics = new SignalingMetrics(media, directory::participants, directory::roundtables);
        MessageDispatcher dispatcher = new MessageDispatcher(StandardHandlers.all());
        WebSocketEndpoint webSockets = new WebSocketEndpoint(context, tokens, directory, dispatcher, metrics);
        HttpServerOptions httpOptions = new HttpServerOptions()
                // The dispatcher refuses big messages itself (error reply, session survives); Vert.x
                // would close the socket instead, so its own limit sits above ours.
                .setMaxWebSocketFrameSize(4 * MessageDispatcher.MAX_MESSAGE_CHARS)
                .setMaxWebSocketMessageSize(4 * MessageDispatcher.MAX_MESSAGE_CHARS);
        if (options.tls()) {
            httpOptions.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(options.tlsCert().toString())
                    .setKeyPath(options.tlsKey().toString()));
        }
        server = vertx.createHttpServer(httpOptions)
                .webSocketHandler(webSockets::accept)
                .requestHandler(HttpRoutes.create(vertx, tokens, metrics, media, directory, clock));
        return server.listen(options.httpPort(), options.host());
    }

    /** Stops serving, then closes every roundtable's journal after the commands already queued. */
    @Override
    public Future<?> stop() {
        Future<Void> closing = server == null ? Future.succeededFuture() : server.close();
        return closing.transform(v -> directory == null ? Future.succeededFuture() : directory.close());
    }

    public int actualPort() {
        return server.actualPort();
    }

    public JoinTokens tokens() {
        return tokens;
    }

    public SignalingMetrics metrics() {
        return metrics;
    }
}
