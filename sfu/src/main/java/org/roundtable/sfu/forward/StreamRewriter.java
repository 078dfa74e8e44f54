package org.roundtable.sfu.forward;

/**
 * Maps a consumer's incoming packets (sequence number, timestamp) onto one continuous outgoing
 * stream, so the receiver sees no jump when the source changes (producer restarted, replaced,
 * or another layer). Pure: the caller passes the source, the packet fields and the time.
 * Confined to the consumer's media worker.
 */
public final class StreamRewriter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int clockRate;
    private boolean started;
    private long sourceSsrc;
    private int seqOffset;
    private long tsOffset;
    private int lastOutSeq;
    private long lastOutTs;
    private long lastOutNanos;
    private int outSeq;
    private long outTs;

    public StreamRewriter(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate);
        }
        this.clockRate = clockRate;
    }

    /**
     * Computes the outgoing numbers of one packet; read them with {@link #seq()} and {@link #ts()}.
     * A new {@code ssrc} (or {@link #restart()}) starts a new source: its first packet follows the
     * last one sent, one sequence number and the elapsed wall time later.
     */
    public void rewrite(long ssrc, int seq, long ts, long nowNanos) {
        if (!started) {
            started = true;
            sourceSsrc = ssrc;
            seqOffset = 0;
            tsOffset = 0;
            lastOutSeq = (seq - 1) & 0xFFFF;
            lastOutTs = ts;
            lastOutNanos = nowNanos;
        } else if (ssrc != sourceSsrc) {
            sourceSsrc = ssrc;
            long elapsedTicks = Math.max(1, (nowNanos - lastOutNanos) * clockRate / NANOS_PER_SECOND);
            seqOffset = (lastOutSeq + 1 - seq) & 0xFFFF;
            tsOffset = (lastOutTs + elapsedTicks - ts) & 0xFFFFFFFFL;
        }
        outSeq = (seq + seqOffset) & 0xFFFF;
        outTs = (ts + tsOffset) & 0xFFFFFFFFL;
        if (SeqNum.isNewer(outSeq, lastOutSeq)) {
            lastOutSeq = outSeq;
            lastOutTs = outTs;
            lastOutNanos = nowNanos;
        }
    }

    /** The next packet starts a new source even if its SSRC is unchanged (producer restarted). */
    public void restart() {
        sourceSsrc = -1;
    }

    public int seq() { return outSeq; }
    public long ts() { return outTs; }
    public boolean started() { return started; }
    public int lastSeq() { return lastOutSeq; }
    public long lastTs() { return lastOutTs; }
    public long lastNanos() { return lastOutNanos; }
    public long tsOffset() { return tsOffset; }
    public int clockRate() { return clockRate; }
}
