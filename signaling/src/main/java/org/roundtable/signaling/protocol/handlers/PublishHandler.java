package org.roundtable.signaling.protocol.handlers;

import org.roundtable.signaling.message.ServerMessages;
import org.roundtable.signaling.protocol.MessageHandler;
import org.roundtable.signaling.protocol.Request;
import org.roundtable.signaling.protocol.RequestException;
import org.roundtable.signaling.protocol.Session;

/** {@code publish {sdp}} → {@code publishAnswer {sdp}}: the browser's sendonly offer, answered by the media server. */
public final class PublishHandler implements MessageHandler {

    @Override
    public void handle(Session session, Request request) {
        String offer = request.requireString("sdp");
        if (!session.participant().admitted()) {
            throw new RequestException("in-lobby", "wait until a moderator admits you");
        }
        session.onMediaResult(session.endpoint().answerPublish(offer), request,
                answer -> session.reply(request, ServerMessages.publishAnswer(answer)));
    }
}
