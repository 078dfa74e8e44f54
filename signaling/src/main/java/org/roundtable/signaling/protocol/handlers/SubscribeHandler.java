package org.roundtable.signaling.protocol.handlers;

import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.roundtable.sfu.api.TrackInfo;
import org.roundtable.signaling.message.ErrorCode;
import org.roundtable.signaling.message.ServerMessages;
import org.roundtable.signaling.protocol.MessageHandler;
import org.roundtable.signaling.protocol.Request;
import org.roundtable.signaling.protocol.RequestException;
import org.roundtable.signaling.protocol.Session;

/**
 * {@code subscribe {sdp, mids}} → {@code subscribeAnswer {sdp}}. Only tracks of this
 * participant's current {@code tracks} list are passed on: a mid naming any other track (stale or
 * forged) is answered inactive.
 */
public final class SubscribeHandler implements MessageHandler {

    @Override
    public void handle(Session session, Request request) {
        String offer = request.requireString("sdp");
        JsonObject mids = request.requireObject("mids");
        Set<String> allowed = new HashSet<>();
        for (TrackInfo track : session.roundtable().currentTracksOf(session.participant().id())) {
            allowed.add(track.trackId());
        }
        Map<String, String> midToTrackId = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : mids) {
            if (!(entry.getValue() instanceof String trackId)) {
                throw new RequestException(ErrorCode.BAD_FIELD, "'mids' maps each mid to a trackId string");
            }
            if (allowed.contains(trackId)) {
                midToTrackId.put(entry.getKey(), trackId);
            }
        }
        session.onMediaResult(session.endpoint().answerSubscribe(offer, midToTrackId), request,
                answer -> session.reply(request, ServerMessages.subscribeAnswer(answer)));
    }
}
