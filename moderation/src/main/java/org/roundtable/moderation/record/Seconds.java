package org.roundtable.moderation.record;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations as the record shows them. Stateless. */
final class Seconds {

    private Seconds() {
    }

    /** Seconds with millisecond precision and no trailing zeros, e.g. {@code 92.5} or {@code 120}. */
    static String text(Duration duration) {
        return BigDecimal.valueOf(Math.max(0, duration.toMillis()), 3).stripTrailingZeros().toPlainString();
    }

    /** The same as a JSON number. */
    static BigDecimal number(Duration duration) {
        return new BigDecimal(text(duration));
    }

    /** {@code m:ss} or {@code h:mm:ss}, rounded down to the second. */
    static String clock(Duration duration) {
        long total = Math.max(0, duration.toSeconds());
        long hours = total / 3600;
        long minutes = total / 60 % 60;
        long seconds = total % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, seconds)
                : String.format("%d:%02d", minutes, seconds);
    }
}
