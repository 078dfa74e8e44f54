package org.roundtable.signaling.protocol.handlers;

import org.roundtable.signaling.moderation.CommandParser;
import org.roundtable.signaling.protocol.MessageHandler;
import org.roundtable.signaling.protocol.Request;
import org.roundtable.signaling.protocol.Session;

/**
 * {@code mute {kind, muted}}: the participant switched its own microphone or camera. The domain
 * refuses unmuting while force-muted ({@code force-muted}); otherwise everyone gets
 * {@code participantUpdated} and {@code roundtable}, then the sender {@code ok}.
 */
public final class MuteHandler implements MessageHandler {

    @Override
    public void handle(Session session, Request request) {
        session.onModerationResult(session.roundtable().command(session.participant(),
                CommandParser.ownMedia(request.body())), request);
    }
}
