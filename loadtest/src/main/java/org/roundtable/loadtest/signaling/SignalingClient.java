package org.roundtable.loadtest.signaling;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One participant's WebSocket to the Roundtable server: JSON messages with a {@code type} field
 * (docs/protocol.md). Incoming messages go to the listener on the socket's Vert.x event loop;
 * {@link #send} may be called from any thread.
 */
public final class SignalingClient {
    private static final int MAX_MESSAGE = 4 * 1024 * 1024;

    /** What the server says. Called on a Vert.x event loop: hand over, never block. */
    public interface Listener {
        void onMessage(String type, JsonObject message);

        void onClosed(String reason);
    }

    private final WebSocketClient client;
    private volatile WebSocket socket;

    public SignalingClient(Vertx vertx) {
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(MAX_MESSAGE).setMaxMessageSize(MAX_MESSAGE).setConnectTimeout(10_000));
    }

    /** The WebSocket URL for a server base URL (http://host:port) and a join token. */
    public static String webSocketUrl(String baseUrl, String token) {
        String ws = baseUrl.startsWith("https://") ? "wss://" + baseUrl.substring(8) : "ws://" + baseUrl.substring(7);
        return ws + "/ws?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public Future<Void> connect(String url, Listener listener) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(url);
        return client.connect(options).map(ws -> {
            socket = ws;
            ws.textMessageHandler(text -> {
                JsonObject m;
                try {
                    m = new JsonObject(text);
                } catch (RuntimeException e) {
                    listener.onMessage("invalid", new JsonObject().put("text", text));
                    return;
                }
                listener.onMessage(m.getString("type", ""), m);
            });
            ws.closeHandler(v -> listener.onClosed("closed by server" + (ws.closeReason() == null ? "" : ": " + ws.closeReason())));
            ws.exceptionHandler(e -> listener.onClosed("websocket error: " + e));
            return null;
        });
    }

    public void send(String type, JsonObject body) {
        WebSocket ws = socket;
        if (ws == null) {
            throw new IllegalStateException("not connected");
        }
        JsonObject m = body.copy().put("type", type);
        ws.writeTextMessage(m.encode());
    }

    public void close() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.close();
        }
        client.close();
    }
}
