package org.roundtable.signaling.protocol.handlers;

import org.roundtable.signaling.moderation.CommandParser;
import org.roundtable.signaling.protocol.MessageHandler;
import org.roundtable.signaling.protocol.Request;
import org.roundtable.signaling.protocol.Session;

/**
 * One moderation message type ({@code raiseHand}, {@code grantFloor}, ...): parsed by
 * {@link CommandParser}, decided by the moderation domain (role and state), broadcast as a
 * {@code roundtable} message, answered {@code ok} or {@code error}.
 */
public final class ModerationHandler implements MessageHandler {

    @Override
    public void handle(Session session, Request request) {
        CommandParser.Parsed parsed = CommandParser.parse(request.type(), request.body());
        session.onModerationResult(session.roundtable().moderation().submit(domain ->
                domain.handle(session.participant().id(), parsed.build(domain.state().settings()))), request);
    }
}
