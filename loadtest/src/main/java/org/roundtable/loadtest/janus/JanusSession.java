package org.roundtable.loadtest.janus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One Janus session over its plain HTTP API (https://janus.conf.meetecho.com/docs/rest.html):
 * requests are POSTs carrying a transaction; asynchronous plugin events come back through a
 * long poll (GET on the session) and complete the request's future by transaction. Thread-safe.
 */
public final class JanusSession implements AutoCloseable {
    private final HttpClient http;
    private final String baseUrl;
    private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final Consumer<JsonObject> unsolicited;
    private volatile long sessionId;
    private volatile boolean closed;

    public JanusSession(HttpClient http, String baseUrl, Consumer<JsonObject> unsolicited) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.unsolicited = unsolicited;
    }

    /** Creates the session and starts long-polling. Blocking. */
    public void create() throws IOException, InterruptedException {
        JsonObject r = post(baseUrl, new JsonObject().put("janus", "create"));
        sessionId = r.getJsonObject("data").getLong("id");
        poll();
    }

    /** Attaches to a plugin; returns the handle id. Blocking. */
    public long attach(String plugin) throws IOException, InterruptedException {
        JsonObject r = post(baseUrl + "/" + sessionId, new JsonObject().put("janus", "attach").put("plugin", plugin));
        return r.getJsonObject("data").getLong("id");
    }

    /** A synchronous plugin request (create room, list participants): returns plugindata.data. Blocking. */
    public JsonObject request(long handle, JsonObject body) throws IOException, InterruptedException {
        JsonObject r = post(baseUrl + "/" + sessionId + "/" + handle,
                new JsonObject().put("janus", "message").put("body", body));
        JsonObject data = r.getJsonObject("plugindata", new JsonObject()).getJsonObject("data", new JsonObject());
        return data;
    }

    /**
     * An asynchronous plugin request (join, publish, start, subscribe): completes with the event
     * that answers it (plugindata and maybe jsep).
     */
    public CompletableFuture<JsonObject> message(long handle, JsonObject body, JsonObject jsep) {
        String transaction = UUID.randomUUID().toString();
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        pending.put(transaction, f);
        JsonObject m = new JsonObject().put("janus", "message").put("body", body).put("transaction", transaction);
        if (jsep != null) {
            m.put("jsep", jsep);
        }
        try {
            JsonObject ack = send(baseUrl + "/" + sessionId + "/" + handle, m);
            if ("success".equals(ack.getString("janus"))) {
                pending.remove(transaction);
                f.complete(ack); // answered synchronously
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            pending.remove(transaction);
            f.completeExceptionally(e);
        }
        return f;
    }

    /** Tells Janus we have no more candidates (ours are in the SDP). Blocking. */
    public void trickleCompleted(long handle) throws IOException, InterruptedException {
        post(baseUrl + "/" + sessionId + "/" + handle,
                new JsonObject().put("janus", "trickle").put("candidate", new JsonObject().put("completed", true)));
    }

    private JsonObject post(String url, JsonObject m) throws IOException, InterruptedException {
        m.put("transaction", UUID.randomUUID().toString());
        JsonObject r = send(url, m);
        if ("error".equals(r.getString("janus"))) {
            JsonObject e = r.getJsonObject("error", new JsonObject());
            throw new IOException("janus error " + e.getInteger("code") + ": " + e.getString("reason"));
        }
        return r;
    }

    private JsonObject send(String url, JsonObject m) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(m.encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("janus HTTP " + r.statusCode() + " for " + m.getString("janus"));
        }
        JsonObject body = new JsonObject(r.body());
        if ("error".equals(body.getString("janus"))) {
            JsonObject e = body.getJsonObject("error", new JsonObject());
            throw new IOException("janus error " + e.getInteger("code") + ": " + e.getString("reason"));
        }
        return body;
    }

    private void poll() {
        if (closed) {
            return;
        }
        HttpRequest get = HttpRequest.newBuilder(URI.create(baseUrl + "/" + sessionId + "?maxev=10&rid=" + System.nanoTime()))
                .timeout(Duration.ofSeconds(60)).GET().build();
        http.sendAsync(get, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
            if (closed) {
                return;
            }
            if (e == null && r.statusCode() == 200) {
                String body = r.body().trim();
                if (body.startsWith("[")) {
                    new JsonArray(body).forEach(o -> dispatch((JsonObject) o));
                } else if (!body.isEmpty()) {
                    dispatch(new JsonObject(body));
                }
                poll();
            } else {
                fail(e != null ? e.toString() : "long poll HTTP " + r.statusCode());
            }
        });
    }

    private void dispatch(JsonObject event) {
        String transaction = event.getString("transaction");
        CompletableFuture<JsonObject> f = transaction == null ? null : pending.remove(transaction);
        if (f != null) {
            JsonObject data = event.getJsonObject("plugindata", new JsonObject()).getJsonObject("data", new JsonObject());
            if (data.containsKey("error")) {
                f.completeExceptionally(new IOException("janus plugin error " + data.getValue("error_code") + ": "
                        + data.getString("error")));
            } else {
                f.complete(event);
            }
        } else if (!"keepalive".equals(event.getString("janus"))) {
            unsolicited.accept(event);
        }
    }

    private void fail(String why) {
        IOException e = new IOException("janus session lost: " + why);
        pending.values().forEach(f -> f.completeExceptionally(e));
        pending.clear();
        unsolicited.accept(new JsonObject().put("janus", "lost").put("reason", why));
    }

    public long id() {
        return sessionId;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            send(baseUrl + "/" + sessionId, new JsonObject().put("janus", "destroy").put("transaction", UUID.randomUUID().toString()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the run is over: a session that cannot be destroyed times out on the server
        }
    }
}
