package org.roundtable.sfu.udp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;

/**
 * Datagrams one thread handed over for one channel, sent together by {@link #flush}: one
 * {@code sendmmsg} for the batch and UDP GSO for runs of equal-sized datagrams to one receiver
 * ({@link NativeDatagrams}), or one NIO send each when the native sender is not there. On a fan-out
 * the per-call cost of the kernel (entry, exit, and the reschedule a woken receiver causes on
 * return) is paid once per batch instead of once per datagram. Datagrams to one receiver leave in
 * the order added; datagrams to different receivers may be reordered among themselves.
 * Confined to one thread.
 */
public final class DatagramBatch {
    public static final int CAPACITY = NativeDatagrams.MAX_ENTRIES;
    public static final int MAX_DATAGRAM = 2048;

    private final DatagramChannel channel;
    private final int fd;
    private final ByteBuffer data = ByteBuffer.allocateDirect(CAPACITY * MAX_DATAGRAM);
    private final ByteBuffer entries =
            ByteBuffer.allocateDirect(CAPACITY * NativeDatagrams.ENTRY_BYTES).order(ByteOrder.nativeOrder());
    /** A view of {@link #data} that NIO sends move about in. */
    private final ByteBuffer view = data.duplicate();
    private final UdpDestination[] destinations = new UdpDestination[CAPACITY];
    private boolean gso = true;
    private int count;
    /** Refused by flushes that {@link #add} made on its own, reported with the next {@link #flush}. */
    private int refusedUnreported;

    /** A batch for {@code channel}; {@code useNative} false forces NIO (tests compare both). */
    public DatagramBatch(DatagramChannel channel, boolean useNative) {
        this.channel = channel;
        this.fd = useNative ? NativeDatagrams.fileDescriptorOf(channel) : -1;
    }

    /** Whether {@link #flush} uses sendmmsg (false: one NIO send per datagram). */
    public boolean isNative() { return fd >= 0; }

    public int size() { return count; }

    /** Whether runs to one receiver still go out as one GSO message (false once the kernel refused one). */
    boolean usesGso() { return isNative() && gso; }

    /** Copies the datagram in; sends the batch first when it is full. */
    public void add(byte[] buf, int off, int len, UdpDestination to) throws IOException {
        if (len > MAX_DATAGRAM || len < 0) {
            throw new IOException("datagram of " + len + " bytes is too large");
        }
        if (count == CAPACITY) {
            refusedUnreported += send();
        }
        int at = count * MAX_DATAGRAM;
        data.put(at, buf, off, len);
        int entry = count * NativeDatagrams.ENTRY_BYTES;
        byte[] sockaddr = to.sockaddr();
        entries.putInt(entry, at)
                .putInt(entry + 4, len)
                .putInt(entry + 8, sockaddr.length)
                .putInt(entry + 12, -1)
                .put(entry + NativeDatagrams.ADDRESS_AT, sockaddr);
        destinations[count] = to;
        count++;
    }

    /**
     * Sends everything added; returns how many datagrams the kernel refused since the last flush (a
     * full send buffer: dropped, never retried), those of full batches that {@link #add} sent on its
     * own included.
     */
    public int flush() {
        int refused = send() + refusedUnreported;
        refusedUnreported = 0;
        return refused;
    }

    private int send() {
        int n = count;
        if (n == 0) {
            return 0;
        }
        count = 0;
        int refused = fd >= 0 ? sendNative(n) : sendNio(n);
        java.util.Arrays.fill(destinations, 0, n, null);
        return refused;
    }

    private int sendNative(int n) {
        if (!channel.isOpen()) {
            // its descriptor number may already belong to another socket: never write to it
            return n;
        }
        int result = NativeDatagrams.sendBatch(fd, data, entries, n, gso);
        if (result < 0) {
            return n;
        }
        if ((result & NativeDatagrams.GSO_FAILED) != 0) {
            // this route (or device) cannot segment: the group went singly, and so will all later ones
            gso = false;
        }
        return n - (result & NativeDatagrams.SENT_MASK);
    }

    private int sendNio(int n) {
        int refused = 0;
        for (int i = 0; i < n; i++) {
            int entry = i * NativeDatagrams.ENTRY_BYTES;
            int at = entries.getInt(entry);
            view.limit(at + entries.getInt(entry + 4)).position(at);
            try {
                if (channel.send(view, destinations[i].address()) == 0) {
                    refused++;
                }
            } catch (IOException | RuntimeException e) {
                refused++;
            }
        }
        return refused;
    }
}
