package org.roundtable.sfu.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A batch delivers every datagram intact, with each receiver's datagrams in the order added, through
 * sendmmsg/GSO and through the NIO fallback alike. Real UDP on loopback.
 */
class DatagramBatchTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    /** A destination the kernel refuses (EINVAL). */
    private static final UdpDestination PORT_ZERO = UdpDestination.of(new InetSocketAddress(LO, 0));

    @Test
    void theNativeSenderIsBuiltAndLoadedWhereverGccIs() {
        // ./test installs gcc; with gcc on the machine a build that fails to load the library would
        // otherwise fall back silently to one system call per datagram
        if (System.getProperty("os.name").startsWith("Linux") && onPath("gcc")) {
            assertNull(NativeDatagrams.unavailableReason());
            assertTrue(NativeDatagrams.available());
        } else {
            assertTrue(NativeDatagrams.unavailableReason() != null, "no gcc, no native sender: the NIO fallback says why");
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (new java.io.File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "native={0}")
    @ValueSource(booleans = {true, false})
    void interleavedReceiversGetTheirOwnDatagramsInOrder(boolean useNative) throws IOException {
        try (DatagramChannel channel = open();
             DatagramSocket a = receiver();
             DatagramSocket b = receiver()) {
            DatagramBatch batch = new DatagramBatch(channel, useNative);
            assertEquals(useNative && NativeDatagrams.available(), batch.isNative());
            UdpDestination toA = to(a);
            UdpDestination toB = to(b);
            // A: a run of equal sizes ending shorter (one GSO message), then a longer one that must not
            // overtake it, then another run; B's datagrams interleaved with all of them
            int[] sizesA = {1000, 1000, 1000, 400, 1200, 1200, 1200};
            int[] sizesB = {300, 300, 900, 20, 300};
            List<byte[]> sentA = new ArrayList<>();
            List<byte[]> sentB = new ArrayList<>();
            for (int i = 0; i < Math.max(sizesA.length, sizesB.length); i++) {
                if (i < sizesA.length) {
                    sentA.add(add(batch, toA, sizesA[i], 'A', i));
                }
                if (i < sizesB.length) {
                    sentB.add(add(batch, toB, sizesB[i], 'B', i));
                }
            }
            assertEquals(sizesA.length + sizesB.length, batch.size());
            assertEquals(0, batch.flush());
            assertEquals(0, batch.size());
            assertEquals(batch.isNative(), batch.usesGso(), "loopback segments GSO messages");
            assertReceived(a, sentA);
            assertReceived(b, sentB);
            assertNothingMore(a);
            assertNothingMore(b);
        }
    }

    @ParameterizedTest(name = "native={0}")
    @ValueSource(booleans = {true, false})
    void moreThanABatchFlushesOnTheWayAndLosesNothing(boolean useNative) throws IOException {
        try (DatagramChannel channel = open();
             DatagramSocket a = receiver()) {
            DatagramBatch batch = new DatagramBatch(channel, useNative);
            UdpDestination toA = to(a);
            List<byte[]> sent = new ArrayList<>();
            int total = DatagramBatch.CAPACITY * 2 + 5;
            for (int i = 0; i < total; i++) {
                sent.add(add(batch, toA, 100 + (i % 3), 'C', i));
            }
            assertEquals(5, batch.size(), "full batches left as they filled");
            batch.flush();
            assertReceived(a, sent);
        }
    }

    @ParameterizedTest(name = "native={0}")
    @ValueSource(booleans = {true, false})
    void aRefusedDatagramIsCountedAndTheOthersStillLeave(boolean useNative) throws IOException {
        try (DatagramChannel channel = open();
             DatagramSocket a = receiver()) {
            DatagramBatch batch = new DatagramBatch(channel, useNative);
            UdpDestination toA = to(a);
                        List<byte[]> sent = new ArrayList<>();
            sent.add(add(batch, toA, 50, 'D', 0));
            add(batch, PORT_ZERO, 50, 'X', 0);
            sent.add(add(batch, toA, 50, 'D', 1));
            assertEquals(1, batch.flush());
            assertEquals(0, batch.flush(), "reported once");
            assertReceived(a, sent);
        }
    }

    @ParameterizedTest(name = "native={0}")
    @ValueSource(booleans = {true, false})
    void aRefusalInABatchThatLeftWhenFullIsReportedByTheNextFlush(boolean useNative) throws IOException {
        try (DatagramChannel channel = open();
             DatagramSocket a = receiver()) {
            DatagramBatch batch = new DatagramBatch(channel, useNative);
            UdpDestination toA = to(a);
            add(batch, PORT_ZERO, 50, 'X', 0);
            List<byte[]> sent = new ArrayList<>();
            for (int i = 1; i <= DatagramBatch.CAPACITY; i++) {
                sent.add(add(batch, toA, 60, 'E', i)); // the last one makes the first batch leave
            }
            assertEquals(1, batch.size());
            assertEquals(1, batch.flush(), "the worker learns of the refusal, not only the batch's total");
            assertEquals(0, batch.flush());
            assertReceived(a, sent);
        }
    }

    @Test
    void encodesIpv4AndIpv6SocketAddressesForTheKernel() throws IOException {
        byte[] v4 = UdpDestination.of(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 0x1234)).sockaddr();
        assertEquals(16, v4.length);
        assertEquals(0x12, v4[2] & 0xFF, "port in network order");
        assertEquals(0x34, v4[3] & 0xFF);
        assertArrayEquals(new byte[] {10, 1, 2, 3}, Arrays.copyOfRange(v4, 4, 8));
        byte[] v6 = UdpDestination.of(new InetSocketAddress(InetAddress.getByName("::1"), 5004)).sockaddr();
        assertEquals(28, v6.length);
        assertEquals(1, v6[23], "the address's last byte");
        assertEquals(5004, ((v6[2] & 0xFF) << 8) | (v6[3] & 0xFF));
    }

    private static byte[] add(DatagramBatch batch, UdpDestination to, int size, char tag, int index) throws IOException {
        byte[] datagram = new byte[size];
        Arrays.fill(datagram, (byte) (index * 7 + size));
        datagram[0] = (byte) tag;
        datagram[1] = (byte) index;
        datagram[size - 1] = (byte) ~index;
        batch.add(datagram, 0, size, to);
        return datagram;
    }

    private static void assertReceived(DatagramSocket socket, List<byte[]> expected) throws IOException {
        for (int i = 0; i < expected.size(); i++) {
            DatagramPacket got = new DatagramPacket(new byte[4096], 4096);
            socket.receive(got);
            assertArrayEquals(expected.get(i), Arrays.copyOf(got.getData(), got.getLength()), "datagram " + i);
        }
    }

    private static void assertNothingMore(DatagramSocket socket) throws IOException {
        socket.setSoTimeout(100);
        try {
            socket.receive(new DatagramPacket(new byte[4096], 4096));
            throw new AssertionError("an extra datagram arrived");
        } catch (SocketTimeoutException expected) {
            // nothing more
        }
    }

    private static UdpDestination to(DatagramSocket receiver) {
        return UdpDestination.of((InetSocketAddress) receiver.getLocalSocketAddress());
    }

    private static DatagramChannel open() throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(LO, 0));
        channel.configureBlocking(false);
        return channel;
    }

    private static DatagramSocket receiver() throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(LO, 0));
        s.setReceiveBufferSize(1 << 20);
        s.setSoTimeout(5_000);
        return s;
    }
}
