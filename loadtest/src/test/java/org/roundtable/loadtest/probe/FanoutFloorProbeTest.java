package org.roundtable.loadtest.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loopback floor probe that docs/benchmarks.md quotes still compiles warning-free and measures:
 * a tiny fan-out over real UDP on loopback, with and without GSO, prints its result.
 * Linux only (sendmmsg, epoll, UDP GSO); ./test installs gcc.
 */
class FanoutFloorProbeTest {
    private static final Path SOURCE = Path.of("probe", "fanout_floor.c");
    private static final Pattern RESULT = Pattern.compile(
            "^4 receivers x 3 packets \\(1040,1040,500 bytes, 12 datagrams\\), 2 senders, batches of 5, 1 (SCHED_BATCH|normal) readers"
                    + "(, GSO per receiver)?: burst p50 \\d+ us, p99 \\d+; per copy p50 \\d+ us, p99 \\d+ us, [0-9.]+ % after 2 ms$");

    @TempDir
    Path dir;

    @Test
    void theProbeBuildsAndMeasuresAFanOutWithAndWithoutGso() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the probe is Linux's (sendmmsg, epoll, UDP GSO)");
        Path binary = dir.resolve("fanout_floor");
        Process gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-pthread", "-o", binary.toString(),
                SOURCE.toString()).redirectErrorStream(true).start();
        String compiler = output(gcc);
        assertEquals(0, gcc.exitValue(), compiler);
        for (boolean gso : new boolean[] {false, true}) {
            ProcessBuilder run = new ProcessBuilder(binary.toString(), "4", "1040,1040,500", "2", "5", "20", "1")
                    .redirectErrorStream(true);
            run.environment().put("GSO", gso ? "1" : "0");
            Process probe = run.start();
            String printed = output(probe);
            assertEquals(0, probe.exitValue(), printed);
            List<String> lines = printed.lines().toList();
            assertEquals(1, lines.size(), printed);
            Matcher result = RESULT.matcher(lines.get(0));
            assertTrue(result.matches(), lines.get(0));
            assertEquals(gso, result.group(2) != null, lines.get(0));
        }
    }

    private static String output(Process p) throws IOException, InterruptedException {
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        return text;
    }
}
