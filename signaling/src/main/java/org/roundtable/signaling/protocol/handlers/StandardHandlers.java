package org.roundtable.signaling.protocol.handlers;

import java.util.HashMap;
import java.util.Map;

import org.roundtable.signaling.moderation.CommandParser;
import org.roundtable.signaling.protocol.MessageHandler;

/** The message types every roundtable understands: media, keep-alive, and every moderation command. */
public final class StandardHandlers {

    private StandardHandlers() {
    }

    public static Map<String, MessageHandler> all() {
        Map<String, MessageHandler> handlers = new HashMap<>(Map.of(
                "publish", new PublishHandler(),
                "subscribe", new SubscribeHandler(),
                "mute", new MuteHandler(),
                "ping", new PingHandler(),
                "leave", new LeaveHandler()));
        ModerationHandler moderation = new ModerationHandler();
        CommandParser.TYPES.forEach(type -> handlers.put(type, moderation));
        return handlers;
    }
}
