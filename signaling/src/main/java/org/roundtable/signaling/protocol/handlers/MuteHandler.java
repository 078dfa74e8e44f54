package org.roundtable.signaling.protocol.handlers;

import org.roundtable.sfu.api.MediaKind;
import org.roundtable.signaling.message.ErrorCode;
import org.roundtable.signaling.protocol.MessageHandler;
import org.roundtable.signaling.protocol.Request;
import org.roundtable.signaling.protocol.RequestException;
import org.roundtable.signaling.protocol.Session;

/** {@code mute {kind, muted}}: the participant muted or unmuted itself; everyone gets {@code participantUpdated}. */
public final class MuteHandler implements MessageHandler {

    @Override
    public void handle(Session session, Request request) {
        String kind = request.requireString("kind");
        boolean muted = request.requireBoolean("muted");
        MediaKind mediaKind = switch (kind) {
            case "audio" -> MediaKind.AUDIO;
            case "video" -> MediaKind.VIDEO;
            default -> throw new RequestException(ErrorCode.BAD_FIELD, "'kind' must be \"audio\" or \"video\"");
        };
        session.roundtable().mute(session.participant().id(), mediaKind, muted, request.id());
    }
}
