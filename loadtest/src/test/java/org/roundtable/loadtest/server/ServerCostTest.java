package org.roundtable.loadtest.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerCostTest {

    @Test
    void readsJvmProcessMetrics() {
        String text = """
                # HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
                # TYPE process_cpu_seconds_total counter
                process_cpu_seconds_total 12.34
                # TYPE process_resident_memory_bytes gauge
                process_resident_memory_bytes 2.5E8
                rt_packets_total{dir="in"} 10
                rt_packets_total{dir="out"} 32
                rt_packets_total_created 5
                """;
        assertEquals(12.34, PrometheusText.value(text, "process_cpu_seconds_total", false));
        assertEquals(2.5e8, PrometheusText.value(text, "process_resident_memory_bytes", false));
        assertEquals(42, PrometheusText.value(text, "rt_packets_total", true));
        assertTrue(Double.isNaN(PrometheusText.value(text, "missing", false)));
    }

    @Test
    void parsesProcStatWithSpacesInTheCommandName() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 40 0 1000 "
                + "3000000000 51200 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        ServerCost c = ProcStatProbe.parse(stat);
        assertEquals(3.0, c.cpuSeconds(), 1e-9);
        assertEquals(51200 * 4096.0, c.rssBytes(), 1e-3);
    }

    @Test
    void readsOwnProcess() {
        ServerCost c = new ProcStatProbe(ProcessHandle.current().pid()).read();
        assertTrue(c.rssBytes() > 0);
        assertTrue(c.cpuSeconds() >= 0);
    }
}
