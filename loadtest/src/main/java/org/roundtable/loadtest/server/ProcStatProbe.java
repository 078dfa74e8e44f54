package org.roundtable.loadtest.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a local process's CPU time (utime + stime) and resident set from /proc/PID/stat.
 * Linux only; clock ticks are taken as 100 per second (USER_HZ on every Linux ABI in use).
 * Used from the reporting thread only.
 */
public final class ProcStatProbe implements ServerCostProbe {
    static final double TICKS_PER_SECOND = 100.0;
    static final long PAGE_SIZE = 4096;
    private final long pid;

    public ProcStatProbe(long pid) {
        this.pid = pid;
    }

    @Override
    public ServerCost read() {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return ServerCost.UNKNOWN;
        }
    }

    /** Parses one /proc/PID/stat line; the command name may hold spaces and parentheses. */
    static ServerCost parse(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return ServerCost.UNKNOWN;
        }
        String[] f = stat.substring(close + 2).trim().split("\\s+");
        // f[0] is field 3 (state): utime is field 14, stime 15, rss 24
        if (f.length < 22) {
            return ServerCost.UNKNOWN;
        }
        double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        double rss = Long.parseLong(f[21]) * (double) PAGE_SIZE;
        return new ServerCost(cpu, rss);
    }

    @Override
    public String source() {
        return "/proc/" + pid + "/stat";
    }
}
