package org.roundtable.signaling.e2e;

import com.microsoft.playwright.Page;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roundtable.signaling.auth.Role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The room page in real Chromium through the real signaling server and SFU: what ministers and
 * viewers see (participants, tiles, own preview, mute state, leaving) and how a bad link is
 * explained.
 */
class RoomPageE2ETest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @RegisterExtension
    final LiveStack stack = new LiveStack();

    private Page open(Page page, Role role, String name) {
        return stack.open(page, "cabinet", role, name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> participants(Page page) {
        return (List<Map<String, Object>>) page.evaluate(
                "() => window.roundtable.participants.map(p => ({participantId: p.participantId, name: p.name, role: p.role}))");
    }

    private static void waitForParticipants(Page page, int count) {
        page.waitForFunction("n => window.roundtable.participants.length === n", count);
    }

    @Test
    void ministersSeeTheStageAndTheViewerCountTheViewerSeesTheStageAndItself() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Page minister = open(stack.browsers().participant(), Role.MINISTER, "Ana Ruiz");
        Page colleague = open(stack.browsers().participant(), Role.MINISTER, "Bruno Costa");
        Page viewer = open(stack.browsers().participant(375, 740), Role.VIEWER, "Vera");
        // viewers are the audience: ministers are told how many, not who (docs/protocol.md, "The audience")
        waitForParticipants(viewer, 3);
        waitForParticipants(minister, 2);
        waitForParticipants(colleague, 2);
        assertEquals(participants(minister), participants(colleague));
        assertEquals(participants(minister), participants(viewer).subList(0, 2));
        assertEquals(List.of("Ana Ruiz", "Bruno Costa", "Vera"), participants(viewer).stream().map(p -> p.get("name")).toList());
        for (Page page : List.of(minister, colleague)) {
            page.waitForFunction("() => document.querySelector('#people-list li.audience')?.dataset.audience === '1'"
                    + " && document.getElementById('people-count').textContent === '3'");
        }
        // the only viewer is Vera herself: listed, so no "viewers" line on her page
        viewer.waitForFunction("() => document.getElementById('people-count').textContent === '3'"
                + " && document.querySelectorAll('#people-list li.audience').length === 0");

        // The minister page: role, own camera preview, the other minister's tile, the participant list.
        assertEquals("minister", minister.evaluate("() => window.roundtable.role"));
        minister.waitForFunction("() => window.roundtable.local.stream !== null");
        assertTrue(minister.isVisible("#self-view"));
        assertTrue(minister.isVisible("#btn-mic"));
        assertEquals(List.of("Bruno Costa"), minister.locator("#grid .tile .tile-name").allInnerTexts());
        assertEquals(3, minister.locator("#people-list .person").count());
        minister.waitForFunction("() => document.querySelector('#status .status-text').textContent === 'Connected'");
        assertEquals("FloorOpen discussionNobody has the floor", minister.locator("#floor-card").textContent().strip(),
                "the floor card holds its heading and state, nothing else");
        minister.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("minister.png")));
        minister.setViewportSize(375, 740);
        // The participant panel slides off-screen on narrow viewports: shoot once it is gone.
        minister.waitForFunction("() => document.getElementById('people').getBoundingClientRect().left >= window.innerWidth");
        minister.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("minister-375.png")));
        minister.setViewportSize(1280, 800);

        // The viewer page: publishers only, no capture, no publish connection.
        assertEquals(List.of("Ana Ruiz", "Bruno Costa"), viewer.locator("#grid .tile .tile-name").allInnerTexts());
        assertFalse(viewer.isVisible("#self-view"));
        assertFalse(viewer.isVisible("#btn-mic"));
        assertEquals(Boolean.TRUE, viewer.evaluate("() => window.roundtable.local.stream === null && window.roundtable.pcs.publish === null"));
        viewer.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("viewer-375.png")));

        // Muting shows on the others' pages.
        minister.click("#btn-mic");
        viewer.waitForFunction("() => window.roundtable.participants.find(p => p.name === 'Ana Ruiz').audioMuted === true");
        viewer.locator("#grid .tile.audio-muted .tile-name").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Ana Ruiz")).waitFor();

        // Leaving removes the tile everywhere.
        colleague.click("#btn-leave");
        waitForParticipants(viewer, 2);
        waitForParticipants(minister, 1);
        viewer.locator("#grid .tile").first().waitFor();
        assertEquals(List.of("Ana Ruiz"), viewer.locator("#grid .tile .tile-name").allInnerTexts());
        assertEquals(0, minister.locator("#grid .tile").count());
        assertTrue(minister.isVisible("#empty-stage"));
    }

    @Test
    void aBadLinkIsExplained() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Page page = stack.browsers().participant();
        page.navigate("http://127.0.0.1:" + stack.httpPort() + "/");
        page.fill("#join-input", "this is not a link");
        page.click("button[type=submit]");
        page.locator("#join-error").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("join.png")));
        page.navigate("http://127.0.0.1:" + stack.httpPort() + "/room?token=not-a-token");
        page.waitForFunction("() => window.roundtable && window.roundtable.connection === 'refused'");
        assertTrue(page.isVisible("#ended"));
        assertEquals("This link does not work", page.textContent("#ended-title"));
        assertEquals("invalid-token", page.evaluate("() => window.roundtable.lastError.code"));
    }
}
