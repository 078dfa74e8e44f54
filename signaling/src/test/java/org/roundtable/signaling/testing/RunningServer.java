package org.roundtable.signaling.testing;

import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.roundtable.signaling.RoundtableServer;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.cli.ServerOptions;

/** A signaling server on 127.0.0.1, HTTP port 0, in front of a {@link MediaServerTestDouble}. */
public final class RunningServer implements AutoCloseable {

    public final Vertx vertx = Vertx.vertx();
    public final MediaServerTestDouble media = new MediaServerTestDouble();
    public final RoundtableServer server;
    public final ServerOptions options;

    public RunningServer(Path dataDir) throws Exception {
        options = ServerOptions.loopbackForTests(dataDir);
        server = RoundtableServer.start(vertx, options, media, Clock.systemUTC()).await(20, TimeUnit.SECONDS);
    }

    public int port() {
        return server.httpPort();
    }

    public String token(String room, Role role, String name) {
        return server.tokens().issue(room, role, name, java.time.Duration.ofHours(1));
    }

    public WsTestClient connect(String token) throws Exception {
        return WsTestClient.connect(vertx, port(), token);
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(20, TimeUnit.SECONDS);
        media.close();
    }
}
