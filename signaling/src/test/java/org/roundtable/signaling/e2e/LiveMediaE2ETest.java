package org.roundtable.signaling.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roundtable.signaling.auth.Role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chromium pages through the real SFU on loopback: cameras and microphones reach the others. */
class LiveMediaE2ETest {

    @RegisterExtension
    final LiveStack stack = new LiveStack();

    private Page open(Page page, Role role, String name) {
        return stack.open(page, "live", role, name);
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

    private static final String FRAMES_DECODED = """
            async () => {
              let frames = 0;
              (await window.roundtable.pcs.subscribe.getStats()).forEach(s => {
                if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded || 0;
              });
              return frames;
            }""";

    /**
     * Regression: calls used to die 6-15 s in with ice-consent-lost while Chromium kept sending,
     * because ice4j timed out consent checks that had been answered. A call must outlive RFC 7675's
     * 30 s consent expiry. This module's surefire runs a consent check every second, so each of the
     * call's connections makes ~40 checks, each of which ice4j may time out although it was answered.
     */
    @Test
    void aCallOutlivesTheConsentExpiry() throws Exception {
        Page ana = open(stack.browsers().participant(640, 480), Role.MINISTER, "Ana Ruiz");
        Page viewer = open(stack.browsers().participant(640, 480), Role.VIEWER, "Vera");
        awaitMedia(viewer, 2);
        int endpoints = stack.media().counters().endpoints();

        viewer.waitForTimeout(40_000);

        for (Page page : List.of(ana, viewer)) {
            assertEquals("connected", page.evaluate("() => window.roundtable.connection"));
            assertEquals(null, page.evaluate("() => window.roundtable.lastError"));
        }
        assertEquals("connected", ana.evaluate("() => window.roundtable.pcs.publish.connectionState"));
        assertEquals(endpoints, stack.media().counters().endpoints(), "an endpoint expired");
        assertEquals(2, viewer.evaluate("() => window.roundtable.tracks.length"));
        // and the viewer still decodes new frames
        int frames = ((Number) viewer.evaluate(FRAMES_DECODED)).intValue();
        assertTrue(frames > 10, "frames decoded: " + frames);
        viewer.waitForFunction("async (before) => (await (" + FRAMES_DECODED + ")()) > before + 10", frames,
                new Page.WaitForFunctionOptions().setPollingInterval(500));
    }

    @Test
    void ministersSeeEachOtherAndTheViewerSeesBoth() throws Exception {
        Page ana = open(stack.browsers().participant(), Role.MINISTER, "Ana Ruiz");
        Page bruno = open(stack.browsers().participant(), Role.MINISTER, "Bruno Costa");
        Page viewer = open(stack.browsers().participant(), Role.VIEWER, "Vera");
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
        open(stack.browsers().participant(), Role.MINISTER, "Carla Dias");
        ana.locator("#grid .tile:not(.no-video)").filter(new Locator.FilterOptions().setHasText("Carla Dias")).waitFor();
        assertEquals(2, ana.evaluate("() => window.roundtable.pcs.subscribe.getTransceivers().length"));
        assertEquals(null, ana.evaluate("() => window.roundtable.lastError"));
    }
}
