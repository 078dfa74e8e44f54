package org.roundtable.sfu.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.roundtable.sfu.client.ClientTransport;
import org.roundtable.sfu.ice.PairSender;
import org.roundtable.sfu.transport.TransportListener;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.srtp.SrtpProfile;

/**
 * Fresh ports never land on a port that SO_REUSEADDR sockets already hold. The hazard is real
 * kernel behaviour ({@link #theHazardIsReal}): sockets bound to port 0 WITH the option (as ice4j
 * binds its pool) covering ~10 % of the ephemeral range make a socket bound that same way share one
 * of their ports about once in ten binds, so each test below would meet several collisions without
 * the fix.
 */
@Timeout(60)
@EnabledOnOs(OS.LINUX) // the hazard and its cure are Linux's SO_REUSEADDR rules
class ShareablePortTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final List<DatagramChannel> hazards = new ArrayList<>();
    private static final Set<Integer> hazardPorts = new HashSet<>();

    /** The transports are never started: nothing arrives. */
    private static final TransportListener NOTHING = new TransportListener() {
        @Override
        public void onConnected(SrtpProfile profile) {
        }

        @Override
        public void onPacket(PacketBuffer p) {
            p.release();
        }

        @Override
        public void onClosed(String reason) {
        }
    };

    @BeforeAll
    static void bindReuseSocketsOnPortZero() throws IOException {
        String[] range;
        try (var in = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            range = in.readLine().trim().split("\\s+");
        }
        int ephemeral = Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        int count = Math.max(500, ephemeral / 10);
        for (int i = 0; i < count; i++) {
            DatagramChannel ch = DatagramChannel.open();
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(new InetSocketAddress(LO, 0));
            hazards.add(ch);
            hazardPorts.add(ch.socket().getLocalPort());
        }
    }

    @AfterAll
    static void closeHazards() throws IOException {
        for (DatagramChannel ch : hazards) {
            ch.close();
        }
    }

    @Test
    void theHazardIsReal() throws IOException {
        List<DatagramChannel> careless = new ArrayList<>();
        int shared = 0;
        try {
            for (int i = 0; i < 200; i++) {
                DatagramChannel ch = DatagramChannel.open();
                careless.add(ch);
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                ch.bind(new InetSocketAddress(LO, 0));
                if (hazardPorts.contains(ch.socket().getLocalPort())) {
                    shared++;
                }
            }
        } finally {
            for (DatagramChannel ch : careless) {
                ch.close();
            }
        }
        // ~20 expected; none would mean this kernel never shares, and the tests below prove nothing here
        assertTrue(shared > 0, "200 SO_REUSEADDR binds to port 0 never shared a port");
    }

    @Test
    void aBusyPortCannotBeClaimed() throws IOException {
        int busy = hazards.get(0).socket().getLocalPort();
        try (DatagramChannel second = DatagramChannel.open()) {
            assertThrows(BindException.class, () -> ShareablePort.claim(second, new InetSocketAddress(LO, busy)));
        }
        assertThrows(BindException.class, () -> ShareablePort.reserve(new InetSocketAddress(LO, busy)));
    }

    @Test
    void reservationsAreNeverAPortAnotherSocketHolds() throws IOException {
        List<ShareablePort.Reservation> held = new ArrayList<>();
        Set<Integer> reserved = new HashSet<>();
        try {
            for (int i = 0; i < 100; i++) {
                ShareablePort.Reservation r = ShareablePort.reserve(new InetSocketAddress(LO, 0));
                held.add(r);
                assertFalse(hazardPorts.contains(r.port()), "reserved a port a reuse socket holds: " + r.port());
                assertTrue(reserved.add(r.port()), "two reservations share port " + r.port());
            }
        } finally {
            for (ShareablePort.Reservation r : held) {
                r.close();
            }
        }
    }

    @Test
    void ourOwnSocketBindsTheReservedPortAndReceivesOnIt() throws IOException {
        try (ShareablePort.Reservation r = ShareablePort.reserve(new InetSocketAddress(LO, 0));
             DatagramChannel owner = DatagramChannel.open();
             DatagramChannel peer = DatagramChannel.open()) {
            // the owner binds while the placeholder still holds the port: the socket bound last receives
            ShareablePort.join(owner, new InetSocketAddress(LO, r.port()));
            peer.bind(new InetSocketAddress(LO, 0));
            peer.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), new InetSocketAddress(LO, r.port()));
            ByteBuffer got = ByteBuffer.allocate(16);
            owner.receive(got);
            got.flip();
            byte[] bytes = new byte[got.remaining()];
            got.get(bytes);
            assertArrayEquals(new byte[] {1, 2, 3}, bytes);
        }
    }

    @Test
    void bindReservedHandsTheBinderAFreshPortAndLetsGoOfItAfterwards() throws IOException {
        DatagramChannel bound = ShareablePort.bindReserved(new InetSocketAddress(LO, 0), port -> {
            DatagramChannel c = DatagramChannel.open();
            ShareablePort.join(c, new InetSocketAddress(LO, port)); // binds like ice4j: SO_REUSEADDR
            return c;
        });
        try (bound; DatagramChannel fresh = DatagramChannel.open()) {
            int port = ((InetSocketAddress) bound.getLocalAddress()).getPort();
            assertTrue(port > 0);
            // with ours closed, a socket without SO_REUSEADDR can bind the port: the placeholder is gone too
            bound.close();
            fresh.bind(new InetSocketAddress(LO, port));
        }
    }

    @Test
    void mediaPortSendersOnPortZeroGetAPortOfTheirOwn() throws IOException {
        List<PairSender> senders = new ArrayList<>();
        Set<Integer> ports = new HashSet<>();
        try {
            for (int i = 0; i < 60; i++) {
                PairSender s = PairSender.bind(new InetSocketAddress(LO, 0), 2, false);
                senders.add(s);
                assertFalse(hazardPorts.contains(s.localPort()), "media port shares " + s.localPort());
                assertTrue(ports.add(s.localPort()));
                assertEquals(2, s.channelCount());
            }
        } finally {
            senders.forEach(PairSender::close);
        }
    }

    @Test
    void clientTransportsGetAPortOfTheirOwn() {
        List<ClientTransport> clients = new ArrayList<>();
        Set<Integer> ports = new HashSet<>();
        BufferPool pool = new BufferPool(64);
        try {
            for (int i = 0; i < 40; i++) {
                ClientTransport c = ClientTransport.create(LO.getHostAddress(), NOTHING, pool);
                clients.add(c);
                int port = Integer.parseInt(c.candidateLine().split(" ")[5]);
                assertFalse(hazardPorts.contains(port), "client shares port " + port);
                assertTrue(ports.add(port));
            }
        } finally {
            clients.forEach(ClientTransport::close);
        }
    }
}
