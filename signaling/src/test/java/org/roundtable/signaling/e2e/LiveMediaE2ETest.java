package org.roundtable.signaling.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.sfu.SfuServer;
import org.roundtable.sfu.api.SfuConfig;
import org.roundtable.signaling.JoinLinks;
import org.roundtable.signaling.RoundtableServer;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.cli.ServerOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Chromium pages through the real SFU on loopback: cameras and microphones reach the others. */
class LiveMediaE2ETest {

    @TempDir
    Path dataDir;
    private SfuServer media;
    private Vertx vertx;
    private RoundtableServer server;
    private BrowserHarness browsers;

    @BeforeEach
    void start() throws Exception {
        media = SfuServer.start(new SfuConfig("127.0.0.1", 0, "127.0.0.1", 1));
        vertx = Vertx.vertx();
        server = RoundtableServer.start(vertx, ServerOptions.loopbackForTests(dataDir), media, Clock.systemUTC()).await(20, TimeUnit.SECONDS);
        browsers = new BrowserHarness();
    }

    @AfterEach
    void stop() throws Exception {
        browsers.close();
        vertx.close().await(20, TimeUnit.SECONDS);
        media.close();
    }

    private Page open(Page page, Role role, String name) {
        String token = server.tokens().issue("live", role, name, Duration.ofHours(1));
        page.navigate(JoinLinks.url("http://127.0.0.1:" + server.httpPort(), token));
        page.waitForFunction("() => window.roundtable && window.roundtable.connection === 'connected'");
        return page;
    }

    /** Resolves once the page's subscribe connection decoded video frames and received audio samples. */
    private static final String MEDIA_FLOWING = """
            async (minTracks) => {
              const pc = window.roundtable.pcs.subscribe;
              if (!pc || window.roundtable.tracks.length < minTracks) return false;
              let frames = 0, samples = 0;
              (await pc.getStats()).forEach(s => {
                if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded || 0;
                if (s.type === 'inbound-rtp' && s.kind === 'audio') samples += s.totalSamplesReceived || 0;
              });
              return frames > 10 && samples > 0;
            }""";

    private static void awaitMedia(Page page, int tracks) {
        page.waitForFunction(MEDIA_FLOWING, tracks, new Page.WaitForFunctionOptions().setPollingInterval(500));
    }

    @Test
    void ministersSeeEachOtherAndTheViewerSeesBoth() throws Exception {
        Page ana = open(browsers.participant(), Role.MINISTER, "Ana Ruiz");
        Page bruno = open(browsers.participant(), Role.MINISTER, "Bruno Costa");
        Page viewer = open(browsers.participant(), Role.VIEWER, "Vera");
        awaitMedia(ana, 2);
        awaitMedia(bruno, 2);
        awaitMedia(viewer, 4);
        viewer.locator("#grid .tile:not(.no-video)").nth(1).waitFor();
        ana.locator("#grid .tile:not(.no-video)").first().waitFor();
        Files.createDirectories(Paths.get("target", "screenshots"));
        ana.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "minister-live.png")));
        viewer.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "viewer-live.png")));
        assertEquals(List.of("Bruno Costa"), ana.locator("#grid .tile:not(.no-video) .tile-name").allInnerTexts());
        assertEquals(List.of("Ana Ruiz", "Bruno Costa"), viewer.locator("#grid .tile:not(.no-video) .tile-name").allInnerTexts());

        bruno.click("#btn-leave");
        viewer.waitForFunction("() => window.roundtable.tracks.length === 2 && document.querySelectorAll('#grid .tile').length === 1");
        assertEquals(List.of("Ana Ruiz"), viewer.locator("#grid .tile .tile-name").allInnerTexts());

        // Ana now receives nothing: her subscribe connection renegotiates down to no live track.
        ana.waitForFunction("() => window.roundtable.tracks.length === 0 && document.querySelectorAll('#grid .tile').length === 0");
        ana.waitForFunction("() => window.roundtable.lastError !== null || (window.roundtable.pcs.subscribe.signalingState === 'stable'"
                + " && window.roundtable.pcs.subscribe.getTransceivers().every(t => t.currentDirection === 'inactive'))");
        assertEquals(null, ana.evaluate("() => window.roundtable.lastError"));

        // A newcomer's tracks reuse those inactive transceivers, and her video plays on Ana's page.
        open(browsers.participant(), Role.MINISTER, "Carla Dias");
        ana.locator("#grid .tile:not(.no-video)").filter(new Locator.FilterOptions().setHasText("Carla Dias")).waitFor();
        assertEquals(2, ana.evaluate("() => window.roundtable.pcs.subscribe.getTransceivers().length"));
        assertEquals(null, ana.evaluate("() => window.roundtable.lastError"));
    }
}
