package org.roundtable.loadtest.server;

/**
 * Reads single values out of the Prometheus text exposition format. Stateless.
 */
public final class PrometheusText {
    private PrometheusText() {
    }

    /**
     * The value of the first sample named exactly {@code metric} (with or without labels), or
     * the sum of every sample of that name when {@code sumAll}; NaN when there is none.
     */
    public static double value(String text, String metric, boolean sumAll) {
        double sum = 0;
        boolean found = false;
        int lineStart = 0;
        int n = text.length();
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            if (text.startsWith(metric, lineStart)) {
                int after = lineStart + metric.length();
                if (after < lineEnd && (text.charAt(after) == ' ' || text.charAt(after) == '{')) {
                    double v = parseValue(text, after, lineEnd);
                    if (!Double.isNaN(v)) {
                        if (!sumAll) {
                            return v;
                        }
                        sum += v;
                        found = true;
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return found ? sum : Double.NaN;
    }

    private static double parseValue(String text, int from, int lineEnd) {
        int p = from;
        if (text.charAt(p) == '{') {
            int close = text.indexOf('}', p);
            if (close < 0 || close > lineEnd) {
                return Double.NaN;
            }
            p = close + 1;
        }
        String[] parts = text.substring(p, lineEnd).trim().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(parts[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
