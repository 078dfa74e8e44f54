package org.roundtable.loadtest.media;

import java.util.SplittableRandom;

/**
 * Incompressible filler for synthetic payloads: copied from one block made once, so payload
 * bytes look like encoder output without drawing a random number per byte. Immutable.
 */
final class Noise {
    static final int SIZE = 4096;
    private static final byte[] BLOCK = make();

    private Noise() {
    }

    private static byte[] make() {
        byte[] b = new byte[SIZE + SourceLimits.MAX_CHUNK];
        SplittableRandom r = new SplittableRandom(0x5EEDL);
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    /** Copies {@code len} bytes of noise starting at {@code phase} (any int) into {@code dst}. */
    static void fill(byte[] dst, int off, int len, int phase) {
        int from = Math.floorMod(phase, SIZE);
        System.arraycopy(BLOCK, from, dst, off, len);
    }

    static final class SourceLimits {
        static final int MAX_CHUNK = SyntheticSource.MAX_PACKET;
        private SourceLimits() {
        }
    }
}
