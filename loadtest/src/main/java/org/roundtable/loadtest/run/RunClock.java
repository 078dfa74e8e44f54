package org.roundtable.loadtest.run;

import java.lang.management.ManagementFactory;

/** This process's own CPU time, for the load generator's cost. Stateless. */
final class RunClock {
    private RunClock() {
    }

    static double ownCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long nanos = sun.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }
}
