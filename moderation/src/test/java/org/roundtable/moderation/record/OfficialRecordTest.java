package org.roundtable.moderation.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.moderation.model.Role.MINISTER;
import static org.roundtable.moderation.model.Role.MODERATOR;
import static org.roundtable.moderation.model.Role.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.moderation.Fixture;
import org.roundtable.moderation.ManualClock;
import org.roundtable.moderation.command.Command.ChangeSettings;
import org.roundtable.moderation.command.Command.Deny;
import org.roundtable.moderation.command.Command.EndRoundtable;
import org.roundtable.moderation.command.Command.GrantFloor;
import org.roundtable.moderation.command.Command.Join;
import org.roundtable.moderation.command.Command.PassFloor;
import org.roundtable.moderation.command.Command.RaiseHand;
import org.roundtable.moderation.command.Command.YieldFloor;
import org.roundtable.moderation.event.FloorEndReason;
import org.roundtable.moderation.model.Settings;
import org.roundtable.moderation.record.OfficialRecord.InterventionEntry;
import org.roundtable.moderation.record.OfficialRecord.ParticipantSummary;

/** Who spoke, when and how long, while running and after the end, in three formats. */
class OfficialRecordTest {
    private static final Instant T0 = ManualClock.START;
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private Fixture f;

    /**
     * Ann speaks 0:00:10-0:02:40 (150 s, passed), Bob 0:02:40-0:08:10 (330 s, 30 s over, yields),
     * Ann again from 0:09:00, 45 s so far, with 2 minutes allotted.
     */
    @BeforeEach
    void setUp() {
        f = new Fixture().join("mod", MODERATOR).join("ann", MINISTER).join("bob", MINISTER).join("vic", VIEWER);
        f.accept("mod", new ChangeSettings(Settings.defaults().withLobby(false, true)));
        f.join("lurker", VIEWER);
        f.accept("mod", new Deny("lurker"));
        f.accept("ann", new RaiseHand());
        f.accept("bob", new RaiseHand());
        f.clock.set(T0.plusSeconds(10));
        f.accept("mod", new GrantFloor(null, null));
        f.clock.set(T0.plusSeconds(160));
        f.accept("mod", new PassFloor());
        f.clock.set(T0.plusSeconds(490));
        f.accept("bob", new YieldFloor());
        f.clock.set(T0.plusSeconds(540));
        f.accept("ann", new RaiseHand());
        f.accept("mod", new GrantFloor("ann", Duration.ofMinutes(2)));
        f.clock.set(T0.plusSeconds(585));
    }

    @Test
    void durationsWhileRunning() {
        OfficialRecord record = f.roundtable.record();
        assertEquals(List.of(
                new InterventionEntry(1, "ann", Fixture.name("ann"), "mod", T0.plusSeconds(10), T0.plusSeconds(160),
                        FIVE_MINUTES, Duration.ofSeconds(150), FloorEndReason.PASSED, "mod"),
                new InterventionEntry(2, "bob", Fixture.name("bob"), "mod", T0.plusSeconds(160), T0.plusSeconds(490),
                        FIVE_MINUTES, Duration.ofSeconds(330), FloorEndReason.YIELDED, "bob"),
                new InterventionEntry(3, "ann", Fixture.name("ann"), "mod", T0.plusSeconds(540), null,
                        Duration.ofMinutes(2), Duration.ofSeconds(45), null, null)), record.interventions());
        assertEquals(Duration.ofSeconds(30), record.interventions().get(1).overtime());
        assertEquals(Duration.ZERO, record.interventions().get(0).overtime());
        assertEquals(List.of(
                new ParticipantSummary("mod", Fixture.name("mod"), MODERATOR, 0, Duration.ZERO, 0),
                new ParticipantSummary("ann", Fixture.name("ann"), MINISTER, 2, Duration.ofSeconds(195), 2),
                new ParticipantSummary("bob", Fixture.name("bob"), MINISTER, 1, Duration.ofSeconds(330), 1),
                new ParticipantSummary("vic", Fixture.name("vic"), VIEWER, 0, Duration.ZERO, 0)),
                record.participants(), "the denied lobby visitor took no part");
        assertEquals(Duration.ofSeconds(525), record.totalSpeakingTime());
        assertNull(record.endedAt());
        assertEquals(T0, record.openedAt());
    }

    @Test
    void finalAfterTheEnd() {
        f.accept("mod", new EndRoundtable());
        f.clock.set(T0.plus(Duration.ofHours(3)));
        OfficialRecord record = f.roundtable.record();
        assertEquals(T0.plusSeconds(585), record.endedAt());
        assertEquals(T0.plus(Duration.ofHours(3)), record.generatedAt());
        InterventionEntry last = record.interventions().get(2);
        assertEquals(Duration.ofSeconds(45), last.actual(), "the end closed the open intervention");
        assertEquals(FloorEndReason.ROUNDTABLE_ENDED, last.endReason());
        assertEquals(Duration.ofSeconds(195), record.participantsById().get("ann").speakingTime());
    }

    @Test
    void json() throws Exception {
        JsonNode root = new ObjectMapper().readTree(RecordJson.render(f.roundtable.record()));
        assertEquals("council", root.get("room").asText());
        assertTrue(root.get("endedAt").isNull());
        assertEquals(525, root.get("totalSpeakingSeconds").asInt());
        assertEquals(195, root.get("participants").get(1).get("speakingSeconds").asInt());
        JsonNode bob = root.get("interventions").get(1);
        assertEquals("2026-11-27T09:02:40Z", bob.get("start").asText());
        assertEquals(300, bob.get("allottedSeconds").asInt());
        assertEquals(330, bob.get("actualSeconds").asInt());
        assertEquals(30, bob.get("overtimeSeconds").asInt());
        assertEquals("YIELDED", bob.get("endReason").asText());
        assertTrue(root.get("interventions").get(2).get("end").isNull());
    }

    @Test
    void csv() {
        String interventions = RecordCsv.interventions(f.roundtable.record());
        List<String> lines = interventions.lines().toList();
        assertEquals(String.join(",", RecordCsv.INTERVENTION_COLUMNS), lines.get(0));
        assertEquals("2,bob,Name of bob,mod,2026-11-27T09:02:40Z,2026-11-27T09:08:10Z,300,330,30,YIELDED,bob",
                lines.get(2));
        assertEquals("3,ann,Name of ann,mod,2026-11-27T09:09:00Z,,120,45,0,,", lines.get(3));
        assertTrue(interventions.endsWith("\r\n"));
        assertEquals("ann,Name of ann,MINISTER,2,195,2", RecordCsv.participants(f.roundtable.record()).lines().toList().get(2));
    }

    @Test
    void csvQuotesAndDefusesFormulas() {
        assertEquals("\"Smith, \"\"Jo\"\"\"", RecordCsv.cell("Smith, \"Jo\""));
        assertEquals("'=HYPERLINK(1)", RecordCsv.cell("=HYPERLINK(1)"));
        assertEquals("-12.5", RecordCsv.cell("-12.5"));
        assertEquals("plain", RecordCsv.cell("plain"));
    }

    @Test
    void htmlIsSelfContainedAndEscaped() {
        Fixture evil = new Fixture().join("mod", MODERATOR);
        evil.accept("x", new Join("<script>alert('x')</script>", MINISTER));
        evil.accept("mod", new GrantFloor("x", null));
        String html = RecordHtml.render(evil.roundtable.record());
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertFalse(html.contains("src=") || html.contains("href=") || html.contains("<link"), "no external resources");

        String page = RecordHtml.render(f.roundtable.record());
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("<td>Name of bob</td><td><time datetime=\"2026-11-27T09:02:40Z\">"));
        assertTrue(page.contains("<td class=\"n\">5:30</td><td class=\"n\">0:30</td>"), "actual and overtime of bob");
        assertTrue(page.contains("<td class=\"n\">3:15</td>"), "ann's total");
        assertTrue(page.contains("still running"));
    }
}
