package org.roundtable.signaling.e2e;

import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roundtable.signaling.auth.JoinClaims;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.testing.HttpTestClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A moderated roundtable in headless Chromium through the real pages and the real SFU: a
 * moderator and three ministers in floor mode, plus a viewer. Everything waits for conditions;
 * nothing asserts how fast.
 */
class FloorE2ETest {

    private static final String ROOM = "council";
    /** Modest fake camera for two shared cores: the test is about who is heard, not picture quality. */
    private static final String SMALL_CAMERA = """
            (() => {
              const md = navigator.mediaDevices;
              const original = md.getUserMedia.bind(md);
              md.getUserMedia = (c) => original({ audio: c.audio, video: c.video ? { width: 320, height: 240, frameRate: 15 } : false });
            })();""";
    /** Audio packets received so far on this page's subscribe connection, by publishing participant. */
    private static final String AUDIO_RECEIVED = """
            async () => {
              const r = window.roundtable, pc = r.pcs.subscribe, out = {};
              if (!pc) return out;
              (await pc.getStats()).forEach(s => {
                if (s.type !== 'inbound-rtp' || s.kind !== 'audio') return;
                const track = r.tracks.find(t => t.trackId === r.subscribedMids[s.mid]);
                if (track) out[track.participantId] = (out[track.participantId] || 0) + (s.packetsReceived || 0);
              });
              return out;
            }""";
    private static final String AUDIO_SENT = """
            async () => {
              const pc = window.roundtable.pcs.publish;
              let sent = 0;
              if (pc) (await pc.getStats()).forEach(s => { if (s.type === 'outbound-rtp' && s.kind === 'audio') sent += s.packetsSent || 0; });
              return sent;
            }""";

    @RegisterExtension
    final LiveStack stack = new LiveStack();

    private Page open(Role role, String name, int width, int height) {
        Page page = stack.browsers().participant(width, height);
        page.addInitScript(SMALL_CAMERA);
        stack.open(page, ROOM, role, name);
        page.waitForFunction("() => window.roundtable.moderation");
        return page;
    }

    private static String id(String name) {
        return JoinClaims.derivedId(ROOM, name);
    }

    private static void waitFor(Page page, String predicate, Object arg) {
        page.waitForFunction(predicate, arg, new Page.WaitForFunctionOptions().setPollingInterval(250).setTimeout(60_000));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> audioReceived(Page page) {
        return (Map<String, Number>) page.evaluate(AUDIO_RECEIVED);
    }

    private static long count(Map<String, Number> packets, String participantId) {
        Number n = packets.get(participantId);
        return n == null ? 0 : n.longValue();
    }

    private static long audioSent(Page page) {
        return ((Number) page.evaluate(AUDIO_SENT)).longValue();
    }

    /** Waits until this page's microphone has sent {@code more} further packets: time passes, measured by media. */
    private static void letAudioFlow(Page page, int more) {
        long before = audioSent(page);
        waitFor(page, "async ([script, target]) => (await (eval(script))()) >= target", List.of(AUDIO_SENT, (int) (before + more)));
    }

    @Test
    void theFloorHolderAloneIsHeardAndTheRecordShowsTheIntervention() throws Exception {
        Page moderator = open(Role.MODERATOR, "Mona Moderator", 1440, 900);
        moderator.click("[data-setting='audioPolicy:floor']");
        moderator.click("[data-setting='expiryPolicy:mute-and-next']");
        waitFor(moderator, "() => window.roundtable.moderation.settings.audioPolicy === 'floor'"
                + " && window.roundtable.moderation.settings.expiryPolicy === 'mute-and-next'", null);

        Page ana = open(Role.MINISTER, "Ana Ruiz", 1280, 800);
        Page bruno = open(Role.MINISTER, "Bruno Costa", 800, 600);
        Page carla = open(Role.MINISTER, "Carla Dias", 800, 600);
        Page vera = open(Role.VIEWER, "Vera Viewer", 800, 600);
        List<Page> listeners = List.of(bruno, carla, vera);
        List<Page> everyone = List.of(moderator, ana, bruno, carla, vera);
        // Everyone receives every publisher's video: media is up before anyone is granted anything.
        for (Page page : everyone) {
            int publishersSeen = page == vera ? 4 : 3;
            waitFor(page, "(n) => window.roundtable.tracks.filter(t => t.kind === 'video').length >= n"
                    + " && document.querySelectorAll('#grid .tile:not(.no-video)').length >= n", publishersSeen);
        }

        // Floor mode before any grant: ministers' live microphones reach nobody.
        Map<String, Number> quietBefore = audioReceived(vera);
        letAudioFlow(bruno, 100);
        letAudioFlow(ana, 50);
        Map<String, Number> quietAfter = audioReceived(vera);
        for (String minister : List.of("Ana Ruiz", "Bruno Costa", "Carla Dias")) {
            assertEquals(count(quietBefore, id(minister)), count(quietAfter, id(minister)), minister + " was heard without the floor");
        }

        ana.click("#btn-hand");
        waitFor(ana, "(id) => window.roundtable.moderation.queue[0] === id", id("Ana Ruiz"));
        bruno.click("#btn-hand");
        for (Page page : everyone) {
            waitFor(page, "([a, b]) => JSON.stringify(window.roundtable.moderation.queue) === JSON.stringify([a, b])",
                    List.of(id("Ana Ruiz"), id("Bruno Costa")));
            assertEquals(List.of("Ana Ruiz", "Bruno Costa"), page.locator("#queue-list .queue-name")
                    .allInnerTexts().stream().map(t -> t.replace(" (you)", "").strip()).toList());
        }
        assertEquals("Lower hand · #2", bruno.locator("#btn-hand .ctrl-label").innerText());

        // The audience: the moderator lists Vera, ministers and viewers see a count; everyone counts 4 + 1.
        waitFor(moderator, "(id) => document.querySelector(`#people-list li[data-participant-id='${id}']`) !== null", id("Vera Viewer"));
        waitFor(bruno, "() => document.querySelector('#people-list li.audience')?.dataset.audience === '1'", null);
        assertEquals(0, bruno.locator("#people-list li[data-participant-id='" + id("Vera Viewer") + "']").count());
        assertEquals(0, moderator.locator("#people-list li.audience").count(), "the moderator lists viewers, no summary");
        for (Page page : everyone) {
            waitFor(page, "() => document.getElementById('people-count').textContent === '5'", null);
        }

        // The moderator grants the floor to the head of the queue for 40 s.
        moderator.fill("#allotted-minutes", String.valueOf(40.0 / 60));
        moderator.click("[data-action='grant-next']");
        for (Page page : everyone) {
            waitFor(page, "(id) => window.roundtable.moderation.floor && window.roundtable.moderation.floor.participantId === id", id("Ana Ruiz"));
        }
        waitFor(ana, "() => document.querySelector('[data-testid=floor-banner]').textContent === 'You have the floor'", null);

        // Ana's audio reaches Bruno, Carla and the viewer; Bruno's and Carla's live microphones do not.
        List<Map<String, Number>> before = listeners.stream().map(FloorE2ETest::audioReceived).toList();
        long brunoSentBefore = audioSent(bruno);
        long carlaSentBefore = audioSent(carla);
        for (int i = 0; i < listeners.size(); i++) {
            waitFor(listeners.get(i), "async ([script, id, target]) => ((await (eval(script))())[id] || 0) >= target",
                    List.of(AUDIO_RECEIVED, id("Ana Ruiz"), (int) count(before.get(i), id("Ana Ruiz")) + 100));
        }
        letAudioFlow(bruno, 50);
        letAudioFlow(carla, 50);
        assertTrue(audioSent(bruno) > brunoSentBefore && audioSent(carla) > carlaSentBefore, "their microphones are live");
        for (int i = 0; i < listeners.size(); i++) {
            Map<String, Number> after = audioReceived(listeners.get(i));
            assertEquals(count(before.get(i), id("Bruno Costa")), count(after, id("Bruno Costa")), "Bruno heard without the floor");
            assertEquals(count(before.get(i), id("Carla Dias")), count(after, id("Carla Dias")), "Carla heard without the floor");
        }

        screenshots(moderator, ana);

        // Ten seconds before the end the speaker is warned (the 1-minute warning does not fit in 40 s).
        waitFor(ana, "() => window.roundtable.events.some(e => e.type === 'TimeWarning' && e.remaining === 'PT10S')"
                + " && document.querySelector('#banners .banner-warn') !== null", null);
        assertTrue(ana.locator("#banners .banner-warn").innerText().contains("0:10 left"), ana.locator("#banners").innerText());

        // At expiry (mute and next) the floor passes to Bruno, and Ana's microphone is switched off.
        for (Page page : everyone) {
            waitFor(page, "(id) => window.roundtable.moderation.floor && window.roundtable.moderation.floor.participantId === id", id("Bruno Costa"));
        }
        waitFor(ana, "() => window.roundtable.local.audioMuted === true", null);
        waitFor(bruno, "() => document.querySelector('[data-testid=floor-banner]').textContent === 'You have the floor'", null);
        Map<String, Number> brunoHeard = audioReceived(vera);
        waitFor(vera, "async ([script, id, target]) => ((await (eval(script))())[id] || 0) >= target",
                List.of(AUDIO_RECEIVED, id("Bruno Costa"), (int) count(brunoHeard, id("Bruno Costa")) + 100));

        JsonObject record = recordJson();
        JsonObject first = record.getJsonArray("interventions").getJsonObject(0);
        assertEquals(id("Ana Ruiz"), first.getString("participantId"));
        assertEquals("Ana Ruiz", first.getString("displayName"));
        assertEquals("EXPIRED", first.getString("endReason"));
        assertEquals(40.0, first.getDouble("allottedSeconds"));
        double actual = first.getDouble("actualSeconds");
        assertTrue(actual >= 40.0 && actual < 50.0, "Ana spoke for her 40 s, ended by the timer: " + actual);
        assertEquals(id("Bruno Costa"), record.getJsonArray("interventions").getJsonObject(1).getString("participantId"));
    }

    @Test
    void theTimeAModeratorTypedSurvivesTheNextStateUpdate() {
        Page moderator = open(Role.MODERATOR, "Mona Moderator", 1280, 800);
        Page ana = open(Role.MINISTER, "Ana Ruiz", 800, 600);
        Page bruno = open(Role.MINISTER, "Bruno Costa", 800, 600);
        // the moderator selects the default time to type over it, and a hand goes up before the first key
        moderator.click("#allotted-minutes");
        moderator.evaluate("() => document.getElementById('allotted-minutes').select()");
        ana.click("#btn-hand");
        waitFor(moderator, "() => window.roundtable.moderation.queue.length === 1", null);
        moderator.keyboard().type("7");
        assertEquals("7", moderator.inputValue("#allotted-minutes"), "typed over the default, not beside it");
        // a hand raised between typing and clicking redraws the floor card again: typing goes on at the end
        bruno.click("#btn-hand");
        waitFor(moderator, "() => window.roundtable.moderation.queue.length === 2", null);
        assertEquals("7", moderator.inputValue("#allotted-minutes"));
        assertTrue((Boolean) moderator.evaluate("() => document.activeElement?.id === 'allotted-minutes'"),
                "the field keeps the focus while the moderator types");
        moderator.keyboard().type("5");
        assertEquals("75", moderator.inputValue("#allotted-minutes"));
        moderator.click("[data-action='grant-next']");
        waitFor(moderator, "() => window.roundtable.moderation.floor && window.roundtable.moderation.floor.allottedSeconds === 4500", null);
    }

    @Test
    void aRestartedServerGivesReconnectingPagesTheirQueueFloorAndRecord() throws Exception {
        Page moderator = open(Role.MODERATOR, "Mona Moderator", 1280, 800);
        moderator.click("[data-setting='audioPolicy:floor']");
        Page ana = open(Role.MINISTER, "Ana Ruiz", 800, 600);
        Page bruno = open(Role.MINISTER, "Bruno Costa", 800, 600);
        ana.click("#btn-hand");
        waitFor(ana, "(id) => window.roundtable.moderation.queue[0] === id", id("Ana Ruiz"));
        bruno.click("#btn-hand");
        waitFor(moderator, "() => window.roundtable.moderation.queue.length === 2", null);
        moderator.fill("#allotted-minutes", "10");
        moderator.click("[data-action='grant-next']");
        waitFor(bruno, "(id) => window.roundtable.moderation.floor && window.roundtable.moderation.floor.participantId === id", id("Ana Ruiz"));
        String deadline = (String) bruno.evaluate("() => window.roundtable.moderation.floor.deadline");

        // Kill the signaling server in-process and start a new one on the same data dir and port.
        stack.restartSignaling();

        for (Page page : List.of(moderator, ana, bruno)) {
            waitFor(page, "() => window.roundtable.connection === 'closed'", null);
            page.click("#btn-rejoin");
        }
        for (Page page : List.of(moderator, ana, bruno)) {
            waitFor(page, "() => window.roundtable && window.roundtable.connection === 'connected' && window.roundtable.moderation", null);
            JsonObject state = new JsonObject((String) page.evaluate("() => JSON.stringify(window.roundtable.moderation)"));
            assertEquals(List.of(id("Bruno Costa")), state.getJsonArray("queue").getList());
            assertEquals(id("Ana Ruiz"), state.getJsonObject("floor").getString("participantId"));
            assertEquals(deadline, state.getJsonObject("floor").getString("deadline"), "the intervention runs on, same deadline");
            assertEquals("floor", state.getJsonObject("settings").getString("audioPolicy"));
        }
        assertEquals(List.of("Bruno Costa"), moderator.locator("#queue-list .queue-name").allInnerTexts());
        waitFor(ana, "() => document.querySelector('[data-testid=floor-banner]').textContent === 'You have the floor'", null);
        // Media resumes through the restarted signaling: Ana is heard by Bruno again.
        waitFor(bruno, "async ([script, id]) => ((await (eval(script))())[id] || 0) >= 100", List.of(AUDIO_RECEIVED, id("Ana Ruiz")));

        JsonObject record = recordJson();
        JsonObject first = record.getJsonArray("interventions").getJsonObject(0);
        assertEquals(id("Ana Ruiz"), first.getString("participantId"));
        assertEquals(600.0, first.getDouble("allottedSeconds"));
        assertEquals(null, first.getValue("end"), "still speaking");
        assertEquals(2, record.getJsonArray("participants").stream()
                .filter(p -> ((JsonObject) p).getString("role").equals("MINISTER")).count());
    }

    @Test
    void aPromotedViewerPublishesAndADemotedMinistersMediaStops() {
        Page moderator = open(Role.MODERATOR, "Mona Moderator", 1280, 800);
        Page vera = open(Role.VIEWER, "Vera Viewer", 800, 600);
        waitFor(vera, "() => window.roundtable.tracks.filter(t => t.kind === 'video').length === 1", null);
        assertEquals(Boolean.TRUE, vera.evaluate("() => window.roundtable.pcs.publish === null"));

        String menu = "#people-list li[data-participant-id='" + id("Vera Viewer") + "'] details";
        moderator.click(menu + " summary");
        moderator.click(menu + " button:has-text('Make minister')");
        // Vera's browser starts publishing; her camera reaches the moderator through the SFU.
        waitFor(vera, "() => window.roundtable.role === 'minister' && window.roundtable.pcs.publish !== null", null);
        waitFor(moderator, "(id) => document.querySelector(`#grid .tile[data-participant-id='${id}']:not(.no-video)`) !== null", id("Vera Viewer"));
        assertEquals(false, vera.locator("#btn-hand").isHidden());

        // The console stops every minister's camera, locked, and allows them again.
        String veraState = "(id) => window.roundtable.moderation.participants.find(p => p.participantId === id)";
        moderator.click("[data-action='mute-all-video']");
        waitFor(moderator, "(id) => { const p = (" + veraState + ")(id); return p.forceMuted.video && !p.forwarded.video && !p.forceMuted.audio; }",
                id("Vera Viewer"));
        waitFor(vera, "() => window.roundtable.local.videoMuted === true", null);
        moderator.click("[data-action='allow-all-video']");
        waitFor(moderator, "(id) => !(" + veraState + ")(id).forceMuted.video", id("Vera Viewer"));
        // Per participant, the menu offers both media: asking, locking and allowing.
        moderator.click(menu + " summary");
        assertEquals(List.of("Ask to mute", "Mute microphone (lock)", "Ask to turn off camera", "Stop camera (lock)"),
                moderator.locator(menu + " .menu-item").allInnerTexts().subList(2, 6));
        moderator.click(menu + " button:has-text('Ask to turn off camera')");
        waitFor(vera, "() => window.roundtable.events.some(e => e.type === 'MuteRequested' && e.medium === 'VIDEO')", null);
        moderator.click(menu + " summary");
        moderator.click(menu + " button:has-text('Mute microphone (lock)')");
        waitFor(moderator, "(id) => (" + veraState + ")(id).forceMuted.audio", id("Vera Viewer"));
        moderator.click(menu + " summary");
        moderator.click(menu + " button:has-text('Allow microphone')");
        waitFor(moderator, "(id) => !(" + veraState + ")(id).forceMuted.audio", id("Vera Viewer"));

        moderator.click(menu + " summary");
        moderator.click(menu + " button:has-text('Make viewer')");
        // Demoted: the SFU refuses her media at once, her tracks end for everyone, her page stops publishing.
        waitFor(moderator, "(id) => !window.roundtable.tracks.some(t => t.participantId === id)"
                + " && !document.querySelector(`#grid .tile[data-participant-id='${id}']`)", id("Vera Viewer"));
        waitFor(vera, "() => window.roundtable.role === 'viewer' && window.roundtable.pcs.publish === null && window.roundtable.local.stream === null", null);
        assertEquals(true, vera.locator("#btn-hand").isHidden());
    }

    private JsonObject recordJson() throws Exception {
        String token = stack.token(ROOM, Role.MODERATOR, "Record reader");
        String body = new HttpTestClient(stack.httpPort())
                .send("GET", "/api/roundtables/" + ROOM + "/record?format=json", token, null).body();
        return new JsonObject(body);
    }

    private static void screenshots(Page moderator, Page minister) throws Exception {
        Path target = Paths.get("target", "screenshots");
        Files.createDirectories(target);
        moderator.screenshot(new Page.ScreenshotOptions().setPath(target.resolve("moderator-console.png")));
        minister.screenshot(new Page.ScreenshotOptions().setPath(target.resolve("minister-floor.png")));
    }
}
