package org.roundtable.loadtest.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.loadtest.cli.LoadTestOptions;
import org.roundtable.loadtest.participant.RoundtableParticipants;
import org.roundtable.loadtest.report.LoadReport;
import org.roundtable.loadtest.report.ParticipantReport;
import org.roundtable.loadtest.report.RunSummary;
import org.roundtable.loadtest.report.StreamReport;
import org.roundtable.loadtest.report.SummaryTable;
import org.roundtable.loadtest.server.ForwardingDelayProbe;
import org.roundtable.loadtest.server.MetricsEndpointProbe;
import org.roundtable.loadtest.signaling.JoinTokenSigner;
import org.roundtable.sfu.SfuServer;
import org.roundtable.sfu.api.MediaServer;
import org.roundtable.sfu.api.SfuConfig;
import org.roundtable.signaling.RoundtableServer;
import org.roundtable.signaling.cli.ServerOptions;

/**
 * End to end: a real Roundtable server (signaling + SFU, loopback, port 0) in this JVM, and a
 * short load test of 3 ministers (2 with video) and 3 viewers over real ICE/DTLS/SRTP.
 * Asserts outcomes only (no timing): everyone joined, every subscription delivered, loss < 1 %.
 */
class LoadTestAgainstRoundtableTest {
    @TempDir
    Path dataDir;

    private MediaServer media;
    private Vertx vertx;
    private RoundtableServer server;

    @BeforeEach
    void startServer() throws Exception {
        media = SfuServer.start(new SfuConfig("127.0.0.1", 0, "127.0.0.1", 2));
        vertx = Vertx.vertx();
        server = RoundtableServer.start(vertx, ServerOptions.loopbackForTests(dataDir), media, Clock.systemUTC())
                .await(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        if (media != null) {
            media.close();
        }
    }

    @Test
    void everyReceiverGetsEveryStreamWithLittleLoss() throws Exception {
        String url = "http://127.0.0.1:" + server.httpPort();
        LoadTestOptions options = LoadTestOptions.parse("--url", url, "--data-dir", dataDir.toString(),
                "--room", "loadtest-it", "--ministers", "3", "--video-ministers", "2", "--viewers", "3",
                "--duration", "10s", "--settle", "2s", "--ramp", "10", "--video-bitrate", "300k", "--fps", "15",
                "--resolution", "320x240", "--workers", "1", "--quiet");
        assertTrue(Files.exists(dataDir.resolve("secret.key")));
        LoadReport report;
        try (RoundtableParticipants factory = new RoundtableParticipants(url, options.room(), "127.0.0.1",
                JoinTokenSigner.fromDataDir(dataDir, Clock.systemUTC()), Duration.ofHours(1))) {
            java.net.URI metrics = java.net.URI.create(url + "/metrics");
            report = new LoadRunner(options, factory, new MetricsEndpointProbe(metrics),
                    ForwardingDelayProbe.metricsEndpoint(metrics), System.out).run();
        }
        RunSummary s = report.summary();
        System.out.print(SummaryTable.render(s));
        assertEquals(6, s.joined(), "everyone joined: " + report.participants());
        for (ParticipantReport p : report.participants()) {
            assertEquals(null, p.error(), p.name() + " failed; all: " + report.participants());
        }
        // 5 tracks published (3 audio, 2 video); a minister receives all but its own, a viewer all
        int ministersReceive = (5 - 2) + (5 - 2) + (5 - 1);
        int viewersReceive = 3 * 5;
        assertEquals(ministersReceive + viewersReceive, s.subscriptions());
        assertTrue(s.subscriptions() > 0);
        assertEquals(s.subscriptions(), s.subscriptionsReceiving(), "a receiver is missing a stream");
        for (StreamReport stream : report.streams()) {
            assertTrue(stream.received() > 0, stream.receiver() + " <- " + stream.publisher());
        }
        assertTrue(s.packetsReceived() > 0);
        assertTrue(s.lossPercent() < 1.0, "loss " + s.lossPercent() + " %");
        assertTrue(s.runLossPercent() < 1.0, "loss over the whole run " + s.runLossPercent() + " %");
        // the summary counts the measurement window only: it opens after the ramp (0.5 s) and the settling (2 s)
        assertTrue(s.measureFromSeconds() >= 2.5, "window opened at " + s.measureFromSeconds() + " s");
        // ~10 of ~12.5 s of media: a window that swallowed the settling would hold nearly all of it
        long receivedInRun = report.streams().stream().mapToLong(StreamReport::received).sum();
        assertTrue(s.packetsReceived() < 0.9 * receivedInRun, s.packetsReceived() + " in the window, " + receivedInRun + " in all");
        assertTrue(s.latencyMsP50() > 0);
        // the server's own histogram covers the window: a delay inside the SFU is under a second
        assertTrue(s.sfuDelayMsP50() > 0 && s.sfuDelayMsP99() >= s.sfuDelayMsP50() && s.sfuDelayMsP99() < 1000,
                "SFU-added p50 " + s.sfuDelayMsP50() + " p99 " + s.sfuDelayMsP99());
    }
}
