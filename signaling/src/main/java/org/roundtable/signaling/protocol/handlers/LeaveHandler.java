package org.roundtable.signaling.protocol.handlers;

import org.roundtable.signaling.protocol.MessageHandler;
import org.roundtable.signaling.protocol.Request;
import org.roundtable.signaling.protocol.Session;

/**
 * {@code leave}: the participant leaves for good (hand lowered, floor ended); the others get
 * {@code participantLeft}, the socket closes normally.
 */
public final class LeaveHandler implements MessageHandler {

    @Override
    public void handle(Session session, Request request) {
        session.roundtable().leave(session.participant(), "left");
        session.closeNormally();
    }
}
