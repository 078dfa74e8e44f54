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
            sender.send(media, 0, media.length, (InetSocketAddress) peer.getLocalSocketAddress());
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
    void refusesADatagramLargerThanItsBuffer() throws IOException {
        try (PairSender sender = PairSender.bind(new InetSocketAddress(LO, 0))) {
            byte[] big = new byte[4096];
            assertThrows(IOException.class, () -> sender.send(big, 0, big.length, new InetSocketAddress(LO, 9)));
        }
    }
}
