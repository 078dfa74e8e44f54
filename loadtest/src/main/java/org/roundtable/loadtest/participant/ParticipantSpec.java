package org.roundtable.loadtest.participant;

/**
 * Who one simulated participant is. {@code plan} is null for a viewer; track numbers are -1 for
 * tracks it does not publish. Immutable.
 */
public record ParticipantSpec(String name, String role, MediaPlan plan, int audioTrack, int videoTrack, long seed) {
    public boolean publishes() {
        return plan != null;
    }
}
