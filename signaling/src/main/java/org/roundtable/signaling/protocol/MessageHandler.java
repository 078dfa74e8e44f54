package org.roundtable.signaling.protocol;

/** Handles one client message type. Runs on the signaling event loop; throws {@link RequestException} to refuse. */
@FunctionalInterface
public interface MessageHandler {
    void handle(Session session, Request request);
}
