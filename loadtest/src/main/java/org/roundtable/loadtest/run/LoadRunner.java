package org.roundtable.loadtest.run;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.roundtable.loadtest.cli.LoadTestOptions;
import org.roundtable.loadtest.engine.MediaWorker;
import org.roundtable.loadtest.participant.LoadParticipant;
import org.roundtable.loadtest.participant.MediaPlan;
import org.roundtable.loadtest.participant.ParticipantCounters;
import org.roundtable.loadtest.participant.ParticipantFactory;
import org.roundtable.loadtest.participant.ParticipantSpec;
import org.roundtable.loadtest.participant.TrackDirectory;
import org.roundtable.loadtest.report.LoadReport;
import org.roundtable.loadtest.report.RunSummary;
import org.roundtable.loadtest.report.TimelineSample;
import org.roundtable.loadtest.server.ForwardingDelayProbe;
import org.roundtable.loadtest.server.ForwardingDelayReading;
import org.roundtable.loadtest.server.ServerCost;
import org.roundtable.loadtest.server.ServerCostProbe;
import org.roundtable.loadtest.stats.TrackReception;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.client.ClientTransport;
import org.roundtable.sfu.srtp.SrtpProfile;
import org.roundtable.sfu.transport.TransportListener;

/**
 * Runs one load test: joins the participants at the ramp rate, lets media settle, measures for the
 * duration (the summary's window), samples the timeline every second (live progress line), then
 * leaves and builds the report. The runner's own thread paces the joins; a reporter thread samples.
 */
public final class LoadRunner {
    private static final long SAMPLE_NANOS = 1_000_000_000L;

    private final LoadTestOptions options;
    private final ParticipantFactory factory;
    private final ServerCostProbe probe;
    private final ForwardingDelayProbe delayProbe;
    private final PrintStream out;
    private final TrackDirectory directory = new TrackDirectory();
    private final BufferPool pool = new BufferPool(16_384);
    private final List<MediaWorker> workers = new ArrayList<>();
    private final Map<MediaWorker, List<LoadParticipant>> byWorker = new LinkedHashMap<>();
    private final List<LoadParticipant> participants = new CopyOnWriteArrayList<>();
    private final List<TimelineSample> timeline = new CopyOnWriteArrayList<>();

    private long startNanos;
    private long lastSampleNanos;
    private ServerCost lastCost = ServerCost.UNKNOWN;
    private double lastOwnCpu;
    private double maxRssBytes = Double.NaN;
    private long sentBytesTotal;
    /** Guarded by this. */
    private final MeasurementWindow window = new MeasurementWindow();

    public LoadRunner(LoadTestOptions options, ParticipantFactory factory, ServerCostProbe probe, PrintStream out) {
        this(options, factory, probe, ForwardingDelayProbe.NONE, out);
    }

    public LoadRunner(LoadTestOptions options, ParticipantFactory factory, ServerCostProbe probe,
                      ForwardingDelayProbe delayProbe, PrintStream out) {
        this.options = options;
        this.factory = factory;
        this.probe = probe;
        this.delayProbe = delayProbe;
        this.out = out;
    }

    public LoadReport run() throws InterruptedException {
        String startedAt = Instant.now().toString();
        warmUp();
        for (int i = 0; i < options.workers(); i++) {
            MediaWorker w = new MediaWorker("loadtest-media-" + i);
            workers.add(w);
            byWorker.put(w, new CopyOnWriteArrayList<>());
        }
        List<ParticipantSpec> specs = specs();
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loadtest-reporter");
            t.setDaemon(true);
            return t;
        });
        startNanos = System.nanoTime();
        lastSampleNanos = startNanos;
        lastCost = probe.read();
        lastOwnCpu = RunClock.ownCpuSeconds();
        noteRss(lastCost);
        reporter.scheduleAtFixedRate(this::sampleSafely, SAMPLE_NANOS, SAMPLE_NANOS, TimeUnit.NANOSECONDS);
        try {
            for (int i = 0; i < specs.size(); i++) {
                long due = startNanos + (long) (i * 1e9 / options.ramp());
                sleepUntil(due);
                MediaWorker w = workers.get(i % workers.size());
                LoadParticipant p = factory.create(specs.get(i), w, pool, directory);
                participants.add(p);
                byWorker.get(w).add(p);
                p.join();
            }
            // the join transient settles, then the measurement window: summary figures cover only it
            sleepUntil(System.nanoTime() + options.settle().toNanos());
            openWindow();
            long mediaStart = System.nanoTime();
            ServerCost costAtStart = probe.read();
            ForwardingDelayReading delayAtStart = delayProbe.read();
            double ownCpuAtStart = RunClock.ownCpuSeconds();
            sleepUntil(mediaStart + options.duration().toNanos());
            closeWindow();
            long mediaEnd = System.nanoTime();
            ServerCost costAtEnd = probe.read();
            ForwardingDelayReading delayAtEnd = delayProbe.read();
            double ownCpuAtEnd = RunClock.ownCpuSeconds();
            reporter.shutdown();
            reporter.awaitTermination(5, TimeUnit.SECONDS);
            noteRss(costAtEnd);
            for (LoadParticipant p : participants) {
                p.markLeaving();
            }
            for (LoadParticipant p : participants) {
                p.leave();
            }
            factory.close();
            for (MediaWorker w : workers) {
                w.close();
            }
            return report(startedAt, mediaStart, mediaEnd, (mediaEnd - mediaStart) / 1e9,
                    costAtStart, costAtEnd, ownCpuAtEnd - ownCpuAtStart,
                    delayAtEnd == null ? null : delayAtEnd.since(delayAtStart));
        } finally {
            reporter.shutdownNow();
            for (MediaWorker w : workers) {
                w.close();
            }
        }
    }

    /** The first transport pays for the certificate and the SRTP back-end choice: not a join's cost. */
    private void warmUp() {
        ClientTransport t = ClientTransport.create(options.bindAddress(), new TransportListener() {
            @Override public void onConnected(SrtpProfile profile) { }
            @Override public void onPacket(org.roundtable.sfu.buffer.PacketBuffer p) { p.release(); }
            @Override public void onClosed(String reason) { }
        }, pool);
        t.close();
    }

    private List<ParticipantSpec> specs() {
        List<ParticipantSpec> specs = new ArrayList<>();
        int keyframeFrames = (int) Math.round(options.keyframeInterval().toMillis() / 1000.0 * options.fps());
        for (int i = 0; i < options.ministers(); i++) {
            boolean video = i < options.videoMinisters();
            MediaPlan plan = new MediaPlan(options.audioBitrate(), video, options.videoBitrate(), options.fps(),
                    options.width(), options.height(), options.simulcast(), keyframeFrames, !options.unpaced());
            String name = "minister-" + i;
            int audioTrack = 2 * i;
            int videoTrack = video ? 2 * i + 1 : -1;
            directory.register(audioTrack, name, MediaKind.AUDIO);
            if (video) {
                directory.register(videoTrack, name, MediaKind.VIDEO);
            }
            specs.add(new ParticipantSpec(name, "minister", plan, audioTrack, videoTrack, options.seed() * 1_000_003L + i));
        }
        for (int i = 0; i < options.viewers(); i++) {
            specs.add(new ParticipantSpec("viewer-" + i, "viewer", null, -1, -1, options.seed() * 1_000_003L + 100_000 + i));
        }
        return specs;
    }

    private static void sleepUntil(long deadlineNanos) throws InterruptedException {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 200_000_000L));
        }
    }

    /** Closes the interval running now (not measured); later intervals add up in {@link #window}. */
    private synchronized void openWindow() {
        sampleSafely(true);
        window.open();
    }

    /** Closes the last measured interval. */
    private synchronized void closeWindow() {
        sampleSafely(true);
        window.close();
    }

    private void sampleSafely() {
        sampleSafely(false);
    }

    private void sampleSafely(boolean evenIfJustSampled) {
        try {
            sample(evenIfJustSampled);
        } catch (RuntimeException e) {
            out.println("sampling failed: " + e);
        }
    }

    private synchronized void sample(boolean evenIfJustSampled) {
        long now = System.nanoTime();
        double seconds = (now - lastSampleNanos) / 1e9;
        if (seconds <= 0.05 && !evenIfJustSampled) {
            return;
        }
        IntervalTotals totals = new IntervalTotals();
        List<CompletableFuture<IntervalTotals>> parts = new ArrayList<>();
        for (Map.Entry<MediaWorker, List<LoadParticipant>> e : byWorker.entrySet()) {
            List<LoadParticipant> list = e.getValue();
            parts.add(e.getKey().call(() -> collectInterval(list)).orTimeout(5, TimeUnit.SECONDS));
        }
        for (CompletableFuture<IntervalTotals> f : parts) {
            IntervalTotals t = f.exceptionally(x -> new IntervalTotals()).join();
            totals.expected += t.expected;
            totals.received += t.received;
            totals.receivedPackets += t.receivedPackets;
            totals.receivedBytes += t.receivedBytes;
            totals.sentPackets += t.sentPackets;
            totals.sentBytes += t.sentBytes;
            totals.latency.add(t.latency);
        }
        window.add(totals);
        if (seconds <= 0.05) {
            return; // a forced sample right after a regular one: too short for a timeline row's rates
        }
        long sentBytesDelta = totals.sentBytes - sentBytesTotal;
        sentBytesTotal = totals.sentBytes;
        ServerCost cost = probe.read();
        double ownCpu = RunClock.ownCpuSeconds();
        double serverCpuPct = 100 * (cost.cpuSeconds() - lastCost.cpuSeconds()) / seconds;
        double ownCpuPct = 100 * (ownCpu - lastOwnCpu) / seconds;
        lastCost = cost;
        lastOwnCpu = ownCpu;
        lastSampleNanos = now;
        noteRss(cost);
        double loss = totals.expected <= 0 ? 0 : IntervalTotals.lossPercent(totals.expected, totals.received);
        TimelineSample s = new TimelineSample((now - startNanos) / 1e9, participants.size(),
                sentBytesDelta * 8 / 1000.0 / seconds, totals.receivedBytes * 8 / 1000.0 / seconds,
                totals.receivedPackets / seconds, loss, totals.latency.percentileMillis(50),
                totals.latency.percentileMillis(95), totals.latency.percentileMillis(99), serverCpuPct,
                cost.rssBytes() / 1e6, ownCpuPct);
        timeline.add(s);
        if (!options.quiet()) {
            out.println(String.format(Locale.ROOT,
                    "t=%5.1fs joined=%d/%d  send %7.0f kbps  recv %7.0f kbps %6.0f pkt/s  loss %5.2f%%  "
                            + "latency p50 %5.2f p99 %6.2f ms  server cpu %5.1f%% rss %5.0f MB  self cpu %5.1f%%",
                    s.seconds(), welcomedCount(), participants.size(), s.sendKbps(), s.receiveKbps(),
                    s.receivedPacketsPerSecond(), s.lossPercent(), s.latencyMsP50(), s.latencyMsP99(),
                    s.serverCpuPercent(), s.serverRssMb(), s.loadtestCpuPercent()).replace("NaN", "n/a"));
        }
    }

    private int welcomedCount() {
        int n = 0;
        for (LoadParticipant p : participants) {
            if (p.welcomed()) {
                n++;
            }
        }
        return n;
    }

    /** Worker thread: closes the interval of every reception of these participants. */
    private static IntervalTotals collectInterval(List<LoadParticipant> list) {
        IntervalTotals t = new IntervalTotals();
        for (LoadParticipant p : list) {
            for (TrackReception r : p.receptions()) {
                TrackReception.Interval i = r.closeInterval();
                t.expected += i.expected();
                t.received += i.received();
                t.receivedPackets += i.packets();
                t.receivedBytes += i.bytes();
                t.latency.add(i.latency());
            }
            ParticipantCounters c = p.counters();
            t.sentPackets += c.sentPackets();
            t.sentBytes += c.sentBytes();
        }
        return t;
    }

    private void noteRss(ServerCost c) {
        if (!Double.isNaN(c.rssBytes())) {
            maxRssBytes = Double.isNaN(maxRssBytes) ? c.rssBytes() : Math.max(maxRssBytes, c.rssBytes());
        }
    }

    private LoadReport report(String startedAt, long windowStartNanos, long endNanos, double mediaSeconds,
                              ServerCost costAtStart, ServerCost costAtEnd, double ownCpuSeconds,
                              ForwardingDelayReading sfuDelay) {
        ReportBuilder b = new ReportBuilder(participants, directory, endNanos);
        double serverCpu = costAtEnd.cpuSeconds() - costAtStart.cpuSeconds();
        long mediaPackets = window.receivedPackets();
        double perMillion = mediaPackets > 0 ? serverCpu / (mediaPackets / 1e6) : Double.NaN;
        long receivedBytes = 0;
        for (LoadParticipant p : participants) {
            receivedBytes += p.counters().receivedBytes();
        }
        double totalSeconds = (endNanos - startNanos) / 1e9;
        RunSummary summary = new RunSummary(factory.target(), participants.size(), b.joined,
                participants.size() - b.joined, b.subscriptions, b.subscriptionsReceiving, b.sentPackets,
                window.expected(), window.received(), window.lost(), window.lossPercent(), b.duplicates,
                b.outOfOrder, b.streams.isEmpty() ? 0 : b.jitterSum / b.streams.size(), b.jitterMax,
                window.latency().percentileMillis(50), window.latency().percentileMillis(95),
                window.latency().percentileMillis(99), window.latency().maxMicros() / 1000.0,
                receivedBytes * 8 / 1000.0 / totalSeconds,
                mediaSeconds > 0 ? mediaPackets / mediaSeconds : 0, b.freezes, b.frozenSeconds,
                b.joinPercentile(50), b.joinMax(), (windowStartNanos - startNanos) / 1e9, mediaSeconds, serverCpu,
                perMillion, maxRssBytes / 1e6, ownCpuSeconds,
                sfuDelay == null ? Double.NaN : sfuDelay.quantileMillis(0.50),
                sfuDelay == null ? Double.NaN : sfuDelay.quantileMillis(0.99),
                b.lossPercent(), b.latency.percentileMillis(99));
        Map<String, Object> config = new LinkedHashMap<>();
        for (var c : LoadTestOptions.class.getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(options);
                if (!c.getName().equals("secret")) {
                    config.put(c.getName(), v == null ? "" : v);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        config.put("serverCostSource", probe.source());
        return new LoadReport(startedAt, config, summary, b.streams, b.participants, timeline);
    }
}
