package org.roundtable.loadtest.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link LoadReport} as the JSON documented in docs/loadtest.md. Record components
 * become fields of the same name; NaN and infinite numbers become null (JSON has no NaN).
 * Stateless.
 */
public final class ReportJson {
    public static final int SCHEMA_VERSION = 1;

    private ReportJson() {
    }

    public static JsonObject toJson(LoadReport report) {
        JsonObject root = new JsonObject();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("tool", "roundtable-loadtest");
        root.put("startedAt", report.startedAt());
        JsonObject config = new JsonObject();
        new TreeMap<>(report.config()).forEach((k, v) -> config.put(k, plain(v)));
        root.put("config", config);
        root.put("summary", record(report.summary()));
        root.put("streams", array(report.streams()));
        root.put("participants", array(report.participants()));
        root.put("timeline", array(report.timeline()));
        return root;
    }

    private static JsonArray array(java.util.List<? extends Record> records) {
        JsonArray a = new JsonArray();
        for (Record r : records) {
            a.add(record(r));
        }
        return a;
    }

    static JsonObject record(Record r) {
        JsonObject o = new JsonObject();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                o.put(c.getName(), plain(c.getAccessor().invoke(r)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
        }
        if (r instanceof StreamReport s) {
            o.put("lossPercent", plain(s.lossPercent()));
        }
        return o;
    }

    private static Object plain(Object v) {
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : round(d);
        }
        if (v instanceof Float f) {
            return plain(f.doubleValue());
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase();
        }
        if (v instanceof Map<?, ?> || v instanceof java.nio.file.Path) {
            return v.toString();
        }
        if (v instanceof java.time.Duration d) {
            return d.toMillis() / 1000.0;
        }
        return v;
    }

    /** Keeps reports readable: 4 significant decimals are more than any of these numbers means. */
    private static double round(double d) {
        return Math.round(d * 10_000.0) / 10_000.0;
    }
}
