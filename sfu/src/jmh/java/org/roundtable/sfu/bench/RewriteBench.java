package org.roundtable.sfu.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.forward.StreamRewriter;
import org.roundtable.sfu.rtp.RtpPacket;

/**
 * What a consumer does to a packet before SRTP: copy into its own buffer, rewrite SSRC, sequence
 * number, timestamp and payload type, re-map three one-byte header extensions to the receiver's ids.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RewriteBench {
    private final RtpPacket src = new RtpPacket();
    private final RtpPacket out = new RtpPacket();
    private final PacketBuffer buf = new PacketBuffer();
    private final StreamRewriter rewriter = new StreamRewriter(90000);
    private final byte[] map = new byte[16];
    private byte[] packet;
    private int seq;
    private long ts;

    @Setup(Level.Trial)
    public void setUp() {
        // abs-send-time (3), transport-wide seq (5), mid (9) -> the receiver's 2, 4, 10
        packet = BenchPackets.rtp(96, 0, 90000, 0x11223344L, new int[] {3, 5, 9}, new int[] {3, 2, 1}, 1100);
        for (int i = 0; i < map.length; i++) {
            map[i] = (byte) i;
        }
        map[3] = 2;
        map[5] = 4;
        map[9] = 10;
    }

    @Benchmark
    public int copyRewriteRemap() {
        seq = (seq + 1) & 0xFFFF;
        ts += 3000;
        BenchPackets.writeSeq(packet, 0, seq);
        BenchPackets.writeUint32(packet, 4, ts);
        src.wrap(packet, 0, packet.length);
        buf.copyFrom(packet, 0, packet.length);
        RtpPacket p = out.wrap(buf.getBuffer(), buf.getOffset(), buf.getLength());
        rewriter.rewrite(src.ssrc(), src.sequenceNumber(), src.timestamp(), 0L);
        p.setSsrc(0x55667788L);
        p.setSequenceNumber(rewriter.seq());
        p.setTimestamp(rewriter.ts());
        p.setPayloadType(100);
        p.remapExtensionIds(map);
        return p.sequenceNumber();
    }
}
