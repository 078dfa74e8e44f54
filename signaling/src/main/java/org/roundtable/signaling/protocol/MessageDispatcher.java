package org.roundtable.signaling.protocol;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.roundtable.signaling.message.ErrorCode;

/**
 * Turns a WebSocket text frame into a {@link Request}, checks it against the {@link RolePolicy}
 * and hands it to the handler registered for its type. Every refusal is an {@code error} reply;
 * nothing a client sends ends its session. Runs on the signaling event loop.
 */
public final class MessageDispatcher {

    /** Largest accepted message: a subscribe offer for a full roundtable stays far below. */
    public static final int MAX_MESSAGE_CHARS = 256 * 1024;

    private static final Logger LOG = Logger.getLogger(MessageDispatcher.class.getName());

    private final Map<String, MessageHandler> handlers;

    public MessageDispatcher(Map<String, MessageHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public void dispatch(Session session, String text) {
        if (text.length() > MAX_MESSAGE_CHARS) {
            session.error(null, ErrorCode.TOO_LARGE, "message of " + text.length() + " characters exceeds " + MAX_MESSAGE_CHARS);
            return;
        }
        JsonObject json;
        try {
            Object parsed = io.vertx.core.json.Json.decodeValue(text);
            if (!(parsed instanceof JsonObject o)) {
                session.error(null, ErrorCode.BAD_JSON, "a message must be a JSON object");
                return;
            }
            json = o;
        } catch (DecodeException e) {
            session.error(null, ErrorCode.BAD_JSON, "message is not valid JSON");
            return;
        }
        Object id = json.getValue("id");
        if (id != null && !(id instanceof String) && !(id instanceof Number)) {
            session.error(null, ErrorCode.BAD_FIELD, "'id' must be a string or a number");
            return;
        }
        Object type = json.getValue("type");
        if (!(type instanceof String typeName)) {
            session.error(id, type == null ? ErrorCode.MISSING_FIELD : ErrorCode.BAD_FIELD, "a message needs a string 'type'");
            return;
        }
        MessageHandler handler = handlers.get(typeName);
        if (handler == null) {
            session.error(id, ErrorCode.UNKNOWN_TYPE, "unknown message type '" + abbreviate(typeName) + "'");
            return;
        }
        Optional<String> refusal = RolePolicy.refusal(session.role(), typeName);
        if (refusal.isPresent()) {
            session.error(id, ErrorCode.NOT_ALLOWED, refusal.get());
            return;
        }
        try {
            handler.handle(session, new Request(typeName, id, json));
        } catch (RequestException e) {
            session.error(id, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "handler for '" + typeName + "' failed", e);
            session.error(id, ErrorCode.INTERNAL, "the server could not handle '" + typeName + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
