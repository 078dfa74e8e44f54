package org.roundtable.signaling.protocol.handlers;

import java.util.Map;

import org.roundtable.signaling.protocol.MessageHandler;

/** The message types every roundtable understands; moderation adds its own next to these. */
public final class StandardHandlers {

    private StandardHandlers() {
    }

    public static Map<String, MessageHandler> all() {
        return Map.of(
                "publish", new PublishHandler(),
                "subscribe", new SubscribeHandler(),
                "mute", new MuteHandler(),
                "ping", new PingHandler(),
                "leave", new LeaveHandler());
    }
}
