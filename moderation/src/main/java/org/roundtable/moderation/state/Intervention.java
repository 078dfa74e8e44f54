package org.roundtable.moderation.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.roundtable.moderation.event.FloorEndReason;

/** One grant of the floor, open until {@code end} is set. Confined to the roundtable's thread. */
public final class Intervention {
    private final int number;
    private final String participantId;
    private final String grantedBy;
    private final Instant start;
    private final Duration allotted;
    private final List<Duration> warningsBeforeEnd;
    private int warningsEmitted;
    private boolean expired;
    private Instant end;
    private FloorEndReason endReason;
    private String endedBy;

    Intervention(int number, String participantId, String grantedBy, Instant start, Duration allotted,
                 List<Duration> warningsBeforeEnd) {
        this.number = number;
        this.participantId = participantId;
        this.grantedBy = grantedBy;
        this.start = start;
        this.allotted = allotted;
        this.warningsBeforeEnd = List.copyOf(warningsBeforeEnd);
    }

    public int number() {
        return number;
    }

    public String participantId() {
        return participantId;
    }

    public String grantedBy() {
        return grantedBy;
    }

    public Instant start() {
        return start;
    }

    public Duration allotted() {
        return allotted;
    }

    /** When the allotted time runs out. */
    public Instant deadline() {
        return start.plus(allotted);
    }

    public List<Duration> warningsBeforeEnd() {
        return warningsBeforeEnd;
    }

    /** How many of {@link #warningsBeforeEnd()} have been emitted, in order. */
    public int warningsEmitted() {
        return warningsEmitted;
    }

    public boolean isExpired() {
        return expired;
    }

    public boolean isOpen() {
        return end == null;
    }

    /** Null while open. */
    public Instant end() {
        return end;
    }

    /** Null while open. */
    public FloorEndReason endReason() {
        return endReason;
    }

    /** Null while open. */
    public String endedBy() {
        return endedBy;
    }

    /** Time actually spoken: until {@code end}, or until {@code now} while open. */
    public Duration actual(Instant now) {
        Instant until = end != null ? end : now;
        return until.isBefore(start) ? Duration.ZERO : Duration.between(start, until);
    }

    void warningEmitted() {
        warningsEmitted++;
    }

    void markExpired() {
        expired = true;
    }

    void close(Instant at, FloorEndReason reason, String by) {
        end = at;
        endReason = reason;
        endedBy = by;
    }
}
