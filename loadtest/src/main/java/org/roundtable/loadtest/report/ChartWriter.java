package org.roundtable.loadtest.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the run's timeline as PNG charts with JFreeChart (headless): bitrate, loss, latency
 * percentiles, server and load-generator CPU, server memory, with the measurement window that the
 * summary covers shaded. Stateless.
 */
public final class ChartWriter {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    static final Color WINDOW_SHADE = new Color(190, 215, 245);
    /** Translucent: the gridlines are drawn before background markers and must show through. */
    static final float WINDOW_ALPHA = 0.4f;

    private ChartWriter() {
    }

    /** Writes the charts of {@code report} into {@code dir} (created if needed); returns the files written. */
    public static List<Path> write(LoadReport report, String title, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        List<TimelineSample> timeline = report.timeline();
        RunSummary s = report.summary();
        Window window = new Window(s.measureFromSeconds(), s.measureFromSeconds() + s.mediaSeconds());
        List<Path> files = new ArrayList<>();
        files.add(chart(dir.resolve("bitrate.png"), title + ": bitrate", "kbps", timeline, window,
                new Line("sent", TimelineSample::sendKbps), new Line("received", TimelineSample::receiveKbps)));
        files.add(chart(dir.resolve("loss.png"), title + ": packet loss", "% of expected", timeline, window,
                new Line("loss", TimelineSample::lossPercent)));
        files.add(chart(dir.resolve("latency.png"), title + ": one-way latency through the server", "ms", timeline, window,
                new Line("p50", TimelineSample::latencyMsP50), new Line("p95", TimelineSample::latencyMsP95),
                new Line("p99", TimelineSample::latencyMsP99)));
        files.add(chart(dir.resolve("cpu.png"), title + ": CPU", "% of one core", timeline, window,
                new Line("server", TimelineSample::serverCpuPercent),
                new Line("load generator", TimelineSample::loadtestCpuPercent)));
        files.add(chart(dir.resolve("memory.png"), title + ": server resident memory", "MB", timeline, window,
                new Line("server RSS", TimelineSample::serverRssMb)));
        return files;
    }

    private record Line(String name, ToDoubleFunction<TimelineSample> value) {
    }

    /** Seconds since the start. */
    private record Window(double from, double to) {
    }

    private static Path chart(Path file, String title, String yLabel, List<TimelineSample> timeline, Window window,
                              Line... lines) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line line : lines) {
            XYSeries series = new XYSeries(line.name());
            for (TimelineSample s : timeline) {
                double v = line.value().applyAsDouble(s);
                if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                    series.add(s.seconds(), v);
                }
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds since start", yLabel, data,
                PlotOrientation.VERTICAL, lines.length > 1, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < lines.length; i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        if (window.to() > window.from()) {
            IntervalMarker measured = new IntervalMarker(window.from(), window.to(), WINDOW_SHADE);
            measured.setAlpha(WINDOW_ALPHA);
            measured.setLabel("measured");
            measured.setLabelAnchor(RectangleAnchor.TOP);
            measured.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            plot.addDomainMarker(measured, Layer.BACKGROUND);
            double last = timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).seconds();
            plot.getDomainAxis().setRange(0, Math.max(last, window.to()) + 0.5);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        return file;
    }
}
