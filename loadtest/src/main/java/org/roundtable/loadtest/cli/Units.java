package org.roundtable.loadtest.cli;

import java.time.Duration;
import java.util.Locale;

/** Parses the command line's human units: bitrates (500k, 1.5M) and durations (30s, 2m, 250ms). Stateless. */
public final class Units {
    private Units() {
    }

    public static int bitrate(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("bps", "");
        double factor = 1;
        if (t.endsWith("k")) {
            factor = 1_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factor = 1_000_000;
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t) * factor;
            if (v <= 0 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("bitrate out of range: " + text);
            }
            return (int) Math.round(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a bitrate (e.g. 32k, 1.5M): " + text);
        }
    }

    public static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("h")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 3_600_000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
            if (t.endsWith("s")) {
                t = t.substring(0, t.length() - 1);
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration (e.g. 30s, 2m, 500ms): " + text);
        }
    }
}
