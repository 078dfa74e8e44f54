package org.roundtable.signaling.protocol;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import org.roundtable.moderation.Outcome;
import org.roundtable.sfu.api.EndpointHandle;
import org.roundtable.sfu.api.MediaException;
import org.roundtable.signaling.auth.JoinClaims;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.message.ErrorCode;
import org.roundtable.signaling.message.ServerMessages;
import org.roundtable.signaling.metrics.SignalingMetrics;
import org.roundtable.signaling.moderation.ModerationJson;
import org.roundtable.signaling.moderation.Step;
import org.roundtable.signaling.room.Participant;
import org.roundtable.signaling.room.ParticipantChannel;
import org.roundtable.signaling.room.Roundtable;

/** One participant's WebSocket. Confined to the signaling event loop. */
public final class Session implements ParticipantChannel {

    /** WebSocket close code sent when the server ends a session (RFC 6455 private range). */
    public static final short CLOSE_BY_SERVER = 4000;

    private final ServerWebSocket socket;
    private final Context context;
    private final SignalingMetrics metrics;
    private final JoinClaims claims;
    private final Participant participant;
    private Roundtable roundtable;
    private boolean closed;

    public Session(ServerWebSocket socket, Context context, SignalingMetrics metrics, JoinClaims claims) {
        this.socket = socket;
        this.context = context;
        this.metrics = metrics;
        this.claims = claims;
        this.participant = new Participant(claims.participantId(), claims.name(), claims.role(), this);
    }

    /** The current role: the token's at first, then whatever moderators made of it. */
    public Role role() {
        return participant.role();
    }

    /**
     * Answers a moderation command once its step is done: {@code ok} if accepted (its effects were
     * broadcast just before), an {@code error} with the domain's refusal code otherwise.
     */
    public void onModerationResult(Future<Step> step, Request request) {
        step.onComplete(result -> {
            if (closed) {
                return;
            }
            if (result.failed() && result.cause() instanceof RequestException bad) {
                error(request.id(), bad.code(), bad.getMessage());
            } else if (result.failed()) {
                error(request.id(), "journal-unavailable", "the roundtable is unavailable: " + result.cause().getMessage());
            } else if (result.result().outcome() instanceof Outcome.Rejected rejected) {
                error(request.id(), ModerationJson.errorCode(rejected.code()), rejected.message());
            } else {
                reply(request, ServerMessages.ok());
            }
        });
    }

    public JoinClaims claims() {
        return claims;
    }

    public Participant participant() {
        return participant;
    }

    public EndpointHandle endpoint() {
        return participant.endpoint();
    }

    public Roundtable roundtable() {
        return roundtable;
    }

    public void joined(Roundtable roundtable) {
        this.roundtable = roundtable;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void send(JsonObject message) {
        if (!closed) {
            socket.writeTextMessage(message.encode());
        }
    }

    /** Sends {@code message} as the reply to {@code request} (echoing its id). */
    public void reply(Request request, JsonObject message) {
        if (request.id() != null) {
            message.put("id", request.id());
        }
        send(message);
    }

    /** Refuses a message: counted, answered with {@code error}; the session goes on. */
    public void error(Object requestId, String code, String message) {
        metrics.messageRejected(code);
        JsonObject error = ServerMessages.error(code, message);
        if (requestId != null) {
            error.put("id", requestId);
        }
        send(error);
    }

    @Override
    public void disconnect(String code, String message) {
        if (closed) {
            return;
        }
        send(ServerMessages.error(code, message));
        closed = true;
        socket.close(CLOSE_BY_SERVER, code);
    }

    /** Ends the session at the client's wish ({@code leave}). */
    public void closeNormally() {
        if (!closed) {
            closed = true;
            socket.close();
        }
    }

    /**
     * Continues with a media-server result on this session's event loop (media futures complete
     * on media threads). Failures become {@code error} replies to {@code request}; nothing runs
     * once the session is closed.
     */
    public <T> void onMediaResult(CompletableFuture<T> future, Request request, Consumer<T> onSuccess) {
        future.whenComplete((value, failure) -> context.runOnContext(v -> {
            if (closed) {
                return;
            }
            if (failure == null) {
                onSuccess.accept(value);
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof MediaException media) {
                error(request.id(), media.code(), media.getMessage());
            } else {
                error(request.id(), ErrorCode.MEDIA_ERROR, "media server failed: " + cause.getMessage());
            }
        }));
    }
}
