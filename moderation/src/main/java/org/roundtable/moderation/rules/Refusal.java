package org.roundtable.moderation.rules;

import org.roundtable.moderation.model.ErrorCode;

/** Thrown by a rule to refuse a command; caught by the roundtable and turned into a rejection. Immutable. */
public final class Refusal extends Exception {
    private final ErrorCode code;

    public Refusal(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
