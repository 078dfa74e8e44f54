package org.roundtable.loadtest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadTestOptionsTest {

    @Test
    void parsesAnLkStyleCommandLine() {
        LoadTestOptions o = LoadTestOptions.parse("--url", "http://127.0.0.1:9000/", "--secret", "c2VjcmV0",
                "--ministers", "5", "--video-ministers=2", "--viewers", "20", "--duration", "1m", "--ramp", "2.5",
                "--audio-bitrate", "24k", "--video-bitrate", "1.2M", "--fps", "15", "--simulcast", "--seed", "7",
                "--resolution", "1280x720");
        assertEquals("http://127.0.0.1:9000", o.url());
        assertEquals(5, o.ministers());
        assertEquals(2, o.videoMinisters());
        assertEquals(20, o.viewers());
        assertEquals(Duration.ofMinutes(1), o.duration());
        assertEquals(2.5, o.ramp());
        assertEquals(24_000, o.audioBitrate());
        assertEquals(1_200_000, o.videoBitrate());
        assertEquals(15, o.fps());
        assertTrue(o.simulcast());
        assertEquals(7, o.seed());
        assertEquals(1280, o.width());
        assertEquals(LoadTestOptions.Target.ROUNDTABLE, o.target());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> LoadTestOptions.parse("--ministers", "2"));
        assertThrows(IllegalArgumentException.class,
                () -> LoadTestOptions.parse("--secret", "x", "--ministers", "1", "--video-ministers", "2"));
        assertThrows(IllegalArgumentException.class, () -> LoadTestOptions.parse("--secret", "x", "--bogus", "1"));
        assertThrows(IllegalArgumentException.class, () -> LoadTestOptions.parse("--secret", "x", "--fps"));
        assertThrows(IllegalArgumentException.class, () -> Units.bitrate("fast"));
        assertEquals(Duration.ofMillis(250), Units.duration("250ms"));
        assertEquals(Duration.ofSeconds(90), Units.duration("1.5m"));
        assertEquals(Duration.ofSeconds(12), Units.duration("12"));
    }

    @Test
    void janusNeedsNoSecret() {
        LoadTestOptions o = LoadTestOptions.parse("--target", "janus", "--ministers", "1");
        assertEquals("http://127.0.0.1:8088/janus", o.url());
    }
}
