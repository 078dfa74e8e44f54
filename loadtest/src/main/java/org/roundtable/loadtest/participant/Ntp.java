package org.roundtable.loadtest.participant;

/** Wall-clock time as the 64-bit NTP timestamp of RTCP sender reports. Stateless. */
final class Ntp {
    private static final long SECONDS_1900_TO_1970 = 2_208_988_800L;

    private Ntp() {
    }

    static long fromEpochMillis(long millis) {
        long seconds = millis / 1000 + SECONDS_1900_TO_1970;
        long fraction = ((millis % 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }
}
