package org.roundtable.moderation.policy;

/** Whether the SFU forwards a participant's audio and video to the others. Immutable. */
public record Forwarding(boolean audio, boolean video) {
    public static final Forwarding NONE = new Forwarding(false, false);
}
