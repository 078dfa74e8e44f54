package org.roundtable.sfu.rtp;

/**
 * Transport-wide sequence number (draft-holmer-rmcat-transport-wide-cc-extensions-01): two
 * bytes, big endian. Stateless.
 */
public final class TransportCcExtension {
    public static final String URI = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    public static final int DATA_LENGTH = 2;

    private TransportCcExtension() {
    }

    public static int read(byte[] b, int dataOff) {
        return ((b[dataOff] & 0xFF) << 8) | (b[dataOff + 1] & 0xFF);
    }

    public static void write(byte[] b, int dataOff, int seq) {
        b[dataOff] = (byte) (seq >>> 8);
        b[dataOff + 1] = (byte) seq;
    }
}
