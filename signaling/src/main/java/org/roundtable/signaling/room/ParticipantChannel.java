package org.roundtable.signaling.room;

import io.vertx.core.json.JsonObject;

/** How a roundtable reaches one participant's client (its WebSocket session). */
public interface ParticipantChannel {

    void send(JsonObject message);

    /** Tells the client why ({@code error} message) and ends its session. */
    void disconnect(String code, String message);
}
