package org.roundtable.sfu.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.harvest.AbstractUdpListener;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.roundtable.sfu.udp.ShareablePort;

@EnabledOnOs(OS.LINUX) // reads /proc
class Ice4jSetupTest {

    @Test
    void portsThatIce4jReadsGetTheLargerReceiveBuffer() throws IOException {
        Ice4jSetup.configure();
        // ice4j reports the size the kernel granted when it opens a listener (its socket is private)
        List<String> messages;
        InetAddress lo = InetAddress.getLoopbackAddress();
        SinglePortUdpHarvester harvester;
        try (LogCapture log = new LogCapture(AbstractUdpListener.class.getName())) {
            harvester = ShareablePort.bindReserved(new InetSocketAddress(lo, 0),
                    port -> new SinglePortUdpHarvester(new TransportAddress(lo, port, Transport.UDP)));
            messages = log.messages();
        }
        try {
            Integer granted = null;
            Integer asked = null;
            for (String m : messages) {
                Matcher mm = Pattern.compile("Receive buffer size (\\d+) \\(asked for (\\d+)\\)").matcher(m);
                if (mm.find()) {
                    granted = Integer.parseInt(mm.group(1));
                    asked = Integer.parseInt(mm.group(2));
                }
            }
            assertNotNull(granted, "ice4j asked for no receive buffer size: " + messages);
            assertEquals(Ice4jSetup.DEFAULT_RECEIVE_BUFFER, asked);
            // the kernel caps the request at net.core.rmem_max (Linux then reports twice the grant)
            long rmemMax;
            try (var in = Files.newBufferedReader(Path.of("/proc/sys/net/core/rmem_max"))) {
                rmemMax = Long.parseLong(in.readLine().trim());
            }
            long expected = Math.min(Ice4jSetup.DEFAULT_RECEIVE_BUFFER, rmemMax);
            assertTrue(granted >= expected, "receive buffer " + granted + " < " + expected + " (rmem_max " + rmemMax + ")");
        } finally {
            harvester.close();
        }
    }
}
