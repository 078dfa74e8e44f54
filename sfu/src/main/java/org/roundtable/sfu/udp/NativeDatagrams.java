package org.roundtable.sfu.udp;

import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.roundtable.sfu.jni.NativeLibrary;

/**
 * The JNI binding of {@code sfu/src/main/c/roundtable_udp.c}: {@code sendmmsg} for a batch, UDP GSO
 * for runs to one receiver. Java 17's NIO sends one datagram per system call and has neither.
 * Loaded once from the jar ({@code native/<os.arch>/libroundtable_udp.so}, built by Maven when gcc
 * is there); when it is missing or {@code -Droundtable.udp.native=false}, {@link #available()} is
 * false and {@link DatagramBatch} sends through NIO instead. Thread-safe.
 *
 * <p>Entry layout (native byte order, {@value #ENTRY_BYTES} bytes each): int offset of the datagram
 * in the data buffer, int length, int length of the socket address, int status (0 sent, else the
 * errno), then the raw {@code sockaddr_in}/{@code sockaddr_in6} at {@value #ADDRESS_AT}.
 */
public final class NativeDatagrams {
    static final int MAX_ENTRIES = 256;
    static final int ENTRY_BYTES = 48;
    static final int ADDRESS_AT = 16;
    /** Set in {@link #sendBatch}'s result when the kernel refused a GSO message (sent singly instead). */
    static final int GSO_FAILED = 1 << 16;
    static final int SENT_MASK = GSO_FAILED - 1;

    private static final String unavailableReason = NativeLibrary.load("roundtable_udp", "roundtable.udp.native",
            "sending through java.nio");

    private NativeDatagrams() {
    }

    /** Whether batches go out through sendmmsg/GSO. */
    public static boolean available() {
        return unavailableReason == null;
    }

    /** Why not, or null when {@link #available()}. */
    public static String unavailableReason() {
        return unavailableReason;
    }

    /** Whether batches for {@code channel} can go out natively (the library loaded and the channel shows its descriptor). */
    public static boolean canSendThrough(DatagramChannel channel) {
        return fileDescriptorOf(channel) >= 0;
    }

    /** The file descriptor of an open channel, or -1 when this JDK's channel does not expose one. */
    static int fileDescriptorOf(DatagramChannel channel) {
        return available() ? fileDescriptor(channel) : -1;
    }

    /**
     * Sends {@code count} entries of {@code entries} (datagrams in {@code data}, both direct) to
     * {@code fd}. Returns the number sent, plus {@link #GSO_FAILED}; a negative errno when the
     * arguments are wrong. Fills in each entry's status.
     */
    static native int sendBatch(int fd, ByteBuffer data, ByteBuffer entries, int count, boolean gso);

    private static native int fileDescriptor(DatagramChannel channel);
}
