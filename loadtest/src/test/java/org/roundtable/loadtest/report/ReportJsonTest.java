package org.roundtable.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {

    static LoadReport sample() {
        RunSummary summary = new RunSummary("roundtable", 3, 3, 0, 4, 4, 1000, 900, 891, 9, 1.0, 2, 3,
                0.5, 1.5, 1.2, 2.5, 4.0, 9.5, 640.0, 99.0, 1, 0.6, 210, 330, 2.5, 10.0,
                1.5, 1.5 / 891 * 1e6, 180.0, 0.9, 0.35, Double.NaN, 1.5, 5.0);
        StreamReport stream = new StreamReport("viewer-0", "minister-0", "video", 300, 297, 3, 0, 1, 300_000,
                0.8, 1.1, 2.2, 3.3, 4.4, 0, 0.0, 1);
        ParticipantReport p = new ParticipantReport("viewer-0", "viewer", true, 215.5, 2, 2, 0, null);
        TimelineSample t = new TimelineSample(1.0, 3, 600, 590, 99, 0.5, 1, 2, 3, Double.NaN, 180, 12);
        return new LoadReport("2026-11-27T23:00:00Z", Map.of("ministers", 2, "room", "r"), summary,
                List.of(stream), List.of(p), List.of(t));
    }

    @Test
    void summaryCarriesTheDocumentedFields() {
        JsonObject json = ReportJson.toJson(sample());
        JsonObject s = json.getJsonObject("summary");
        assertEquals(1.0, s.getDouble("lossPercent"));
        assertEquals(1.2, s.getDouble("latencyMsP50"));
        assertEquals(4.0, s.getDouble("latencyMsP99"));
        assertEquals(99.0, s.getDouble("forwardedPacketsPerSecond"));
        assertEquals(1683.5017, s.getDouble("serverCpuSecondsPerMillionPackets"), 1e-4);
        assertEquals(180.0, s.getDouble("serverRssMb"));
        assertEquals(0.9, s.getDouble("loadtestCpuSeconds"));
        assertEquals(0.35, s.getDouble("sfuDelayMsP50"));
        assertTrue(s.containsKey("sfuDelayMsP99") && s.getValue("sfuDelayMsP99") == null, "unknown is null, not NaN");
        assertEquals(ReportJson.SCHEMA_VERSION, json.getInteger("schemaVersion"));
        assertEquals(2, json.getJsonObject("config").getInteger("ministers"));
    }

    @Test
    void streamsParticipantsAndTimelineAreArraysOfObjects() {
        JsonObject json = new JsonObject(ReportJson.toJson(sample()).encodePrettily());
        JsonArray streams = json.getJsonArray("streams");
        assertEquals(1, streams.size());
        assertEquals(1.0, streams.getJsonObject(0).getDouble("lossPercent"));
        assertEquals("minister-0", streams.getJsonObject(0).getString("publisher"));
        assertEquals(215.5, json.getJsonArray("participants").getJsonObject(0).getDouble("joinToFirstMediaMs"));
        JsonObject t = json.getJsonArray("timeline").getJsonObject(0);
        assertTrue(t.containsKey("serverCpuPercent"));
        assertNull(t.getValue("serverCpuPercent"), "NaN must become null");
    }

    @Test
    void summaryTableAndChartsRender(@TempDir Path dir) throws Exception {
        String table = SummaryTable.render(sample().summary());
        assertTrue(table.contains("1.000 %"), table);
        assertTrue(table.contains("1.20 / 2.50 / 4.00 / 9.50 ms"), table);
        List<Path> files = ChartWriter.write(sample(), "test", dir);
        assertEquals(5, files.size());
        for (Path f : files) {
            byte[] png = Files.readAllBytes(f);
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1]);
            assertTrue(shaded(ImageIO.read(f.toFile())) > 1000, f + " does not show the measured window");
        }
    }

    /** Pixels painted in the measurement window's shade over the plot's white background. */
    private static int shaded(BufferedImage image) {
        Color c = ChartWriter.WINDOW_SHADE;
        float a = ChartWriter.WINDOW_ALPHA;
        int[] expected = {blend(c.getRed(), a), blend(c.getGreen(), a), blend(c.getBlue(), a)};
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xFF) - expected[0]) <= 2 && Math.abs(((rgb >> 8) & 0xFF) - expected[1]) <= 2
                        && Math.abs((rgb & 0xFF) - expected[2]) <= 2) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int blend(int channel, float alpha) {
        return Math.round(255 * (1 - alpha) + channel * alpha);
    }
}
