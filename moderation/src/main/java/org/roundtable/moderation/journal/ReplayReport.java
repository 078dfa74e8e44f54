package org.roundtable.moderation.journal;

/**
 * What opening a journal found. Immutable.
 *
 * @param events       events read back
 * @param damagedLines complete lines that were not a readable event, skipped
 * @param tornBytes    bytes of an unterminated last line (a crash mid-write), cut off the file
 */
public record ReplayReport(int events, int damagedLines, long tornBytes) {

    public boolean clean() {
        return damagedLines == 0 && tornBytes == 0;
    }
}
