package org.roundtable.signaling.protocol;

import io.vertx.core.json.JsonObject;

import org.roundtable.signaling.message.ErrorCode;

/** One parsed client message: its type, its optional correlation id, and typed field access. */
public record Request(String type, Object id, JsonObject body) {

    public String requireString(String field) {
        Object value = require(field);
        if (!(value instanceof String s) || s.isEmpty()) {
            throw new RequestException(ErrorCode.BAD_FIELD, "'" + field + "' must be a non-empty string");
        }
        return s;
    }

    public boolean requireBoolean(String field) {
        Object value = require(field);
        if (!(value instanceof Boolean b)) {
            throw new RequestException(ErrorCode.BAD_FIELD, "'" + field + "' must be true or false");
        }
        return b;
    }

    public JsonObject requireObject(String field) {
        Object value = require(field);
        if (!(value instanceof JsonObject o)) {
            throw new RequestException(ErrorCode.BAD_FIELD, "'" + field + "' must be an object");
        }
        return o;
    }

    private Object require(String field) {
        Object value = body.getValue(field);
        if (value == null) {
            throw new RequestException(ErrorCode.MISSING_FIELD, "'" + type + "' needs '" + field + "'");
        }
        return value;
    }
}
