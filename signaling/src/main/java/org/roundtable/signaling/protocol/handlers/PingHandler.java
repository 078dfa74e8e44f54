package org.roundtable.signaling.protocol.handlers;

import org.roundtable.signaling.message.ServerMessages;
import org.roundtable.signaling.protocol.MessageHandler;
import org.roundtable.signaling.protocol.Request;
import org.roundtable.signaling.protocol.Session;

/** {@code ping} → {@code pong}: keep-alive and round-trip probe. */
public final class PingHandler implements MessageHandler {

    @Override
    public void handle(Session session, Request request) {
        session.reply(request, ServerMessages.pong());
    }
}
