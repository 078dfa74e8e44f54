package org.roundtable.sfu.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.udp.UdpDestination;

/** The send channel shares the media port with ice4j's sockets, which keep receiving. Loopback only. */
class PairSenderTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void sendsFromTheSharedPortWhileTheSocketBoundLastReceives() throws IOException {
        try (PairSender sender = PairSender.bind(new InetSocketAddress(LO, 0));
             DatagramSocket ice = new DatagramSocket(null);
             DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LO, 0))) {
            // what ice4j's SocketPool does with more than one socket
            ice.setReuseAddress(true);
            ice.bind(new InetSocketAddress(LO, sender.localPort()));
            peer.setSoTimeout(5_000);
            ice.setSoTimeout(5_000);

            byte[] media = {(byte) 0x80, 96, 0, 1, 9, 9, 9, 9};
            sender.send(media, 0, media.length, UdpDestination.of((InetSocketAddress) peer.getLocalSocketAddress()));
            DatagramPacket got = new DatagramPacket(new byte[64], 64);
            peer.receive(got);
            assertArrayEquals(media, Arrays.copyOf(got.getData(), got.getLength()));
            assertEquals(sender.localPort(), got.getPort(), "the browser must see the port of our ICE candidate");

            byte[] reply = {1, 2, 3};
            peer.send(new DatagramPacket(reply, reply.length, new InetSocketAddress(LO, sender.localPort())));
            DatagramPacket in = new DatagramPacket(new byte[64], 64);
            ice.receive(in);
            assertArrayEquals(reply, Arrays.copyOf(in.getData(), in.getLength()));
        }
    }

    @Test
    void severalChannelsShareThePortAndEachSendingThreadKeepsOne() throws Exception {
        try (PairSender sender = PairSender.bind(new InetSocketAddress(LO, 0), 2);
             DatagramSocket ice = new DatagramSocket(null);
             DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LO, 0))) {
            ice.setReuseAddress(true);
            ice.bind(new InetSocketAddress(LO, sender.localPort()));
            ice.setSoTimeout(5_000);
            peer.setSoTimeout(5_000);
            assertEquals(2, sender.channelCount());
            UdpDestination to = UdpDestination.of((InetSocketAddress) peer.getLocalSocketAddress());
            Thread[] threads = new Thread[2];
            IOException[] failures = new IOException[2];
            for (int t = 0; t < 2; t++) {
                int id = t;
                threads[t] = new Thread(() -> {
                    try {
                        for (int i = 0; i < 3; i++) {
                            sender.send(new byte[] {(byte) id, (byte) i}, 0, 2, to);
                        }
                    } catch (IOException e) {
                        failures[id] = e;
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(null, failures[0]);
            assertEquals(null, failures[1]);
            for (int i = 0; i < 6; i++) {
                DatagramPacket got = new DatagramPacket(new byte[8], 8);
                peer.receive(got);
                assertEquals(sender.localPort(), got.getPort(), "every channel sends from the media port");
            }
            byte[] reply = {7};
            peer.send(new DatagramPacket(reply, 1, new InetSocketAddress(LO, sender.localPort())));
            DatagramPacket in = new DatagramPacket(new byte[8], 8);
            ice.receive(in);
            assertEquals(7, in.getData()[0], "the socket bound last (ice4j's) still receives");
        }
    }

    @Test
    void aThreadThatHoldsItsSendsSendsThemOnFlushWhileOtherThreadsSendAtOnce() throws Exception {
        try (PairSender sender = PairSender.bind(new InetSocketAddress(LO, 0));
             DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LO, 0))) {
            UdpDestination to = UdpDestination.of((InetSocketAddress) peer.getLocalSocketAddress());
            sender.holdOnThisThread();
            for (int i = 0; i < 3; i++) {
                sender.send(new byte[] {(byte) i}, 0, 1, to);
            }
            Thread other = new Thread(() -> {
                try {
                    sender.send(new byte[] {42}, 0, 1, to);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            other.start();
            other.join();
            peer.setSoTimeout(5_000);
            DatagramPacket got = new DatagramPacket(new byte[8], 8);
            peer.receive(got);
            assertEquals(42, got.getData()[0], "the other thread's datagram left before the held ones");

            assertEquals(0, sender.flush());
            for (int i = 0; i < 3; i++) {
                peer.receive(got);
                assertEquals(i, got.getData()[0], "held datagrams leave in order");
            }
            assertEquals(0, sender.flush(), "nothing left to send");
        }
    }

    @Test
    void refusesADatagramLargerThanItsBuffer() throws IOException {
        try (PairSender sender = PairSender.bind(new InetSocketAddress(LO, 0))) {
            byte[] big = new byte[4096];
            assertThrows(IOException.class, () -> sender.send(big, 0, big.length, UdpDestination.of(new InetSocketAddress(LO, 9))));
        }
    }
}
