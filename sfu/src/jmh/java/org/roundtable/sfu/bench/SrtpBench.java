package org.roundtable.sfu.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.jitsi.srtp.SrtpErrorStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.srtp.SrtpCrypto;
import org.roundtable.sfu.srtp.SrtpKeys;
import org.roundtable.sfu.srtp.SrtpProfile;
import org.roundtable.sfu.srtp.SrtpSession;

/**
 * SRTP protect, and protect followed by unprotect, of one RTP packet, for both profiles, with the
 * AES back-end the server picks ({@link SrtpCrypto#init}: OpenSSL when libjitsisrtp loads) and, for
 * AES-GCM protect, our own sealer when libroundtable_srtp loads ({@code GcmRtpSender}).
 * Each invocation copies the plaintext into the buffer and writes the next sequence number
 * (replay protection refuses a repeated one): that copy (~50 ns for 1200 bytes) is included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SrtpBench {
    @Param({"AEAD_AES_128_GCM", "AES_CM_128_HMAC_SHA1_80"})
    public String profile;

    @Param({"1200", "160"})
    public int payload;

    private SrtpSession sender;
    private SrtpSession receiver;
    private byte[] plain;
    private final PacketBuffer buf = new PacketBuffer();
    private int seq;

    @Setup(Level.Trial)
    public void setUp() {
        String provider = SrtpCrypto.init();
        System.out.println("SRTP AES back-end: " + provider);
        SrtpProfile p = SrtpProfile.valueOf(profile);
        byte[] material = new byte[p.keyingMaterialLength()];
        new SecureRandom().nextBytes(material);
        SrtpKeys keys = SrtpKeys.fromKeyingMaterial(p, material);
        sender = new SrtpSession(keys, true);
        receiver = new SrtpSession(keys, false);
        plain = BenchPackets.rtp(96, 0, 90000, 0x11223344L, new int[] {3, 5}, new int[] {3, 2}, payload);
    }

    private void nextPlain() {
        seq = (seq + 1) & 0xFFFF;
        buf.copyFrom(plain, 0, plain.length);
        BenchPackets.writeSeq(buf.getBuffer(), buf.getOffset(), seq);
    }

    @Benchmark
    public SrtpErrorStatus protect() {
        nextPlain();
        return sender.protect(buf);
    }

    @Benchmark
    public SrtpErrorStatus protectThenUnprotect() {
        nextPlain();
        sender.protect(buf);
        SrtpErrorStatus s = receiver.unprotect(buf);
        if (s != SrtpErrorStatus.OK) {
            throw new IllegalStateException("unprotect failed: " + s);
        }
        return s;
    }
}
