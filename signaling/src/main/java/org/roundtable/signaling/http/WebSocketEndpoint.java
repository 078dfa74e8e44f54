package org.roundtable.signaling.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.roundtable.signaling.auth.JoinTokens;
import org.roundtable.signaling.auth.TokenRejectedException;
import org.roundtable.signaling.message.ErrorCode;
import org.roundtable.signaling.message.ServerMessages;
import org.roundtable.signaling.metrics.SignalingMetrics;
import org.roundtable.signaling.protocol.MessageDispatcher;
import org.roundtable.signaling.protocol.Session;
import org.roundtable.signaling.room.Roundtable;
import org.roundtable.signaling.room.RoundtableDirectory;

/**
 * {@code /ws?token=JWT}: checks the join token, then joins the participant to its roundtable and
 * feeds its messages to the dispatcher. A refused token still gets an upgraded socket, so the
 * browser can read why ({@code error invalid-token}) before the close. Signaling event loop.
 */
public final class WebSocketEndpoint {

    public static final String PATH = "/ws";
    /** Close code for a refused token (4000 + HTTP 401, a common convention). */
    public static final short CLOSE_INVALID_TOKEN = 4401;

    private static final Logger LOG = Logger.getLogger(WebSocketEndpoint.class.getName());

    private final Context context;
    private final JoinTokens tokens;
    private final RoundtableDirectory directory;
    private final MessageDispatcher dispatcher;
    private final SignalingMetrics metrics;

    public WebSocketEndpoint(Context context, JoinTokens tokens, RoundtableDirectory directory,
                             MessageDispatcher dispatcher, SignalingMetrics metrics) {
        this.context = context;
        this.tokens = tokens;
        this.directory = directory;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    public void accept(ServerWebSocket socket) {
        if (!PATH.equals(socket.path())) {
            socket.close((short) 1008, "no WebSocket service at " + socket.path());
            return;
        }
        socket.pause();
        // Completion may come from another thread: continue on the event loop that owns the roundtables.
        tokens.verify(QueryParams.first(socket.query(), "token"))
                .onComplete(result -> context.runOnContext(v -> {
                    if (result.succeeded()) {
                        open(socket, new Session(socket, context, metrics, result.result()));
                    } else {
                        refuse(socket, result.cause());
                    }
                }));
    }

    private void open(ServerWebSocket socket, Session session) {
        // A socket that closes while the join is journaled: its leave waits for the join.
        Future<Roundtable> joining = join(session);
        socket.closeHandler(v -> joining.onSuccess(roundtable -> roundtable.leave(session.participant(), "disconnected")));
        joining.onComplete(result -> {
            if (result.failed()) {
                if (result.cause() instanceof Roundtable.EntryRefused refused) {
                    metrics.messageRejected(refused.code());
                    session.disconnect(refused.code(), refused.getMessage());
                } else {
                    LOG.log(Level.WARNING, "joining " + session.claims().room() + " failed", result.cause());
                    session.disconnect(ErrorCode.MEDIA_ERROR, "the server could not add you: " + result.cause().getMessage());
                }
                return;
            }
            session.joined(result.result());
            socket.textMessageHandler(text -> dispatcher.dispatch(session, text));
            socket.binaryMessageHandler(binary -> session.error(null, ErrorCode.BINARY_NOT_SUPPORTED,
                    "messages are JSON text frames"));
            socket.exceptionHandler(e -> LOG.log(Level.FINE, "WebSocket error", e));
            socket.resume();
        });
    }

    private Future<Roundtable> join(Session session) {
        try {
            return directory.join(session.claims().room(), session.participant(), session.claims().role());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private void refuse(ServerWebSocket socket, Throwable failure) {
        String reason = failure instanceof TokenRejectedException t ? t.reason() : "invalid";
        metrics.tokenRejected(reason);
        socket.writeTextMessage(ServerMessages.error(ErrorCode.INVALID_TOKEN, failure.getMessage())
                .put("reason", reason).encode());
        socket.close(CLOSE_INVALID_TOKEN, "invalid token: " + reason);
    }

    /** Query-string access without a routing context (WebSockets bypass the router). */
    static final class QueryParams {
        private QueryParams() {
        }

        static String first(String query, String name) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (key.equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }
}
