package org.roundtable.signaling.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A protocol-level client: sends JSON, collects every server message in arrival order. */
public final class WsTestClient implements AutoCloseable {

    /** Guards against hangs only; nothing asserts how fast the server is. */
    private static final long WAIT_SECONDS = 20;

    private final WebSocketClient owner; // Vert.x 5 closes a client once it is unreachable: keep it
    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonObject> inbox;
    private final CompletableFuture<Short> closed;
    private volatile JsonObject lastState;

    private WsTestClient(WebSocketClient owner, WebSocket socket, LinkedBlockingQueue<JsonObject> inbox, CompletableFuture<Short> closed) {
        this.owner = owner;
        this.socket = socket;
        this.inbox = inbox;
        this.closed = closed;
    }

    public static WsTestClient connect(Vertx vertx, int port, String token) throws Exception {
        LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
        CompletableFuture<Short> closed = new CompletableFuture<>();
        String uri = "/ws" + (token == null ? "" : "?token=" + token);
        WebSocketClient owner = vertx.createWebSocketClient();
        ClientWebSocket ws = owner.webSocket();
        ws.textMessageHandler(text -> inbox.add(new JsonObject(text)));
        ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
        ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri))
                .await(WAIT_SECONDS, TimeUnit.SECONDS);
        return new WsTestClient(owner, ws, inbox, closed);
    }

    public void send(JsonObject message) {
        socket.writeTextMessage(message.encode());
    }

    public void sendRaw(String text) {
        socket.writeTextMessage(text);
    }

    /**
     * The next message, which must be of {@code type}. Moderation state updates ({@code roundtable})
     * are passed over unless asked for: most tests follow one conversation, not the whole room.
     */
    public JsonObject next(String type) throws InterruptedException {
        while (true) {
            JsonObject message = inbox.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(message, "no '" + type + "' message arrived");
            if ("roundtable".equals(message.getString("type")) && !"roundtable".equals(type)) {
                lastState = message.getJsonObject("state");
                continue;
            }
            assertEquals(type, message.getString("type"), "unexpected message " + message.encode());
            if ("roundtable".equals(type)) {
                lastState = message.getJsonObject("state");
            } else if ("welcome".equals(type)) {
                lastState = message.getJsonObject("roundtable");
            }
            return message;
        }
    }

    /**
     * The moderation state once it satisfies {@code condition}: the last one seen if it does, else
     * the next {@code roundtable} message that does (others are passed over).
     */
    public JsonObject nextState(java.util.function.Predicate<JsonObject> condition) throws InterruptedException {
        if (lastState != null && condition.test(lastState)) {
            return lastState;
        }
        while (true) {
            JsonObject message = inbox.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(message, "no roundtable state satisfying the condition arrived; last: " + lastState);
            if ("roundtable".equals(message.getString("type"))) {
                lastState = message.getJsonObject("state");
                if (condition.test(lastState)) {
                    return lastState;
                }
            }
        }
    }

    /** The last moderation state seen, from {@code welcome} or {@code roundtable}. */
    public JsonObject lastState() {
        return lastState;
    }

    /** The next message of any type. */
    public JsonObject nextAny() throws InterruptedException {
        JsonObject message = inbox.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(message, "no message arrived");
        if ("roundtable".equals(message.getString("type"))) {
            lastState = message.getJsonObject("state");
        }
        return message;
    }

    /** Sends {@code message} and returns the next message, which must be of {@code replyType}. */
    public JsonObject exchange(JsonObject message, String replyType) throws InterruptedException {
        send(message);
        return next(replyType);
    }

    /** Messages received so far and not yet consumed. */
    public List<JsonObject> drain() {
        List<JsonObject> rest = new ArrayList<>();
        inbox.drainTo(rest);
        return rest;
    }

    /** Waits for the server to close the socket; returns the close status code. */
    public Short awaitClose() throws Exception {
        return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
        owner.close();
    }
}
