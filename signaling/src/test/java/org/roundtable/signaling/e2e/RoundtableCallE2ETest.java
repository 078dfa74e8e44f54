package org.roundtable.signaling.e2e;

import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.testing.WsTestClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The media path end to end, as issue 2 states it: three ministers and two viewers in real
 * headless Chromium through the real pages and the real SFU on loopback.
 */
class RoundtableCallE2ETest {

    private static final String ROOM = "council";
    private static final List<String> MINISTERS = List.of("Ana Ruiz", "Bruno Costa", "Carla Dias");

    @RegisterExtension
    final LiveStack stack = new LiveStack();

    @Test
    void ministersAndViewersMeetThroughTheSfu() throws Exception {
        Map<String, Page> ministers = new java.util.LinkedHashMap<>();
        for (String name : MINISTERS) {
            ministers.put(name, open(stack.browsers().participant(640, 480), Role.MINISTER, name));
        }
        List<Page> viewers = List.of(open(stack.browsers().participant(640, 480), Role.VIEWER, "Vera"),
                open(stack.browsers().participant(640, 480), Role.VIEWER, "Victor"));

        // Every minister decodes the other two ministers' video and receives their audio.
        ministers.forEach((name, page) -> awaitFlowFrom(page, others(name)));
        // Every viewer decodes all three.
        viewers.forEach(page -> awaitFlowFrom(page, MINISTERS));
        for (Page viewer : viewers) {
            assertEquals(Boolean.FALSE, viewer.evaluate("() => !!window.roundtable.pcs.publish"), "a viewer never publishes");
        }

        // The SFU's transport-cc feedback lets each publisher's bandwidth estimate climb above its
        // 300 kbps start (without feedback Chromium's estimate sinks towards 40 kbps).
        for (Page page : ministers.values()) {
            page.waitForFunction(PUBLISH_ESTIMATE_ABOVE, 600_000, new Page.WaitForFunctionOptions().setPollingInterval(500).setTimeout(60_000));
        }

        // A viewer's publish attempt, with a real browser offer, is refused by the server.
        JsonObject refusal = viewerPublishAttempt(viewers.get(0));
        assertEquals("error", refusal.getString("type"), refusal.encode());
        assertEquals("not-allowed", refusal.getString("code"), refusal.encode());

        // Garbage at the media port and on the signaling socket does not disturb the call.
        List<PageMediaStats> before = new ArrayList<>();
        ministers.values().forEach(p -> before.add(PageMediaStats.read(p)));
        long unknownBefore = stack.media().counters().droppedByReason().getOrDefault("transport-unknown", 0L);
        sendGarbageDatagrams(stack.media().port());
        sendGarbageMessages();
        int i = 0;
        for (Map.Entry<String, Page> m : ministers.entrySet()) {
            PageMediaStats.awaitGrowth(m.getValue(), before.get(i++), others(m.getKey()));
        }
        // from an address no participant uses: every one of the 400 is refused at the port and counted
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stack.media().counters().droppedByReason().getOrDefault("transport-unknown", 0L) < unknownBefore + 400
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(stack.media().counters().droppedByReason().getOrDefault("transport-unknown", 0L) >= unknownBefore + 400,
                () -> "the garbage was seen and dropped: " + stack.media().counters().droppedByReason());

        // A minister closes the tab: the others' subscriptions to her end.
        ministers.remove("Carla Dias").close();
        for (Page page : concat(ministers.values(), viewers)) {
            page.waitForFunction("() => !window.roundtable.received().some(r => "
                    + "window.roundtable.participants.every(p => p.participantId !== r.participantId))"
                    + " && !window.roundtable.participants.some(p => p.name === 'Carla Dias')"
                    + " && window.roundtable.pcs.subscribe.signalingState === 'stable'",
                    null, new Page.WaitForFunctionOptions().setTimeout(30_000));
            assertTrue(PageMediaStats.read(page).senders().stream().noneMatch("Carla Dias"::equals));
        }
        ministers.forEach((name, page) -> awaitFlowFrom(page, others(name).stream().filter(n -> !n.equals("Carla Dias")).toList()));

        // Everyone leaves: no endpoint remains.
        for (Page page : concat(ministers.values(), viewers)) {
            page.close();
        }
        awaitNoEndpoints();
    }

    /** The publish connection's send-side bandwidth estimate, from its selected candidate pair. */
    private static final String PUBLISH_ESTIMATE_ABOVE = """
            async (bps) => {
              const pc = window.roundtable.pcs.publish;
              if (!pc) return false;
              let estimate = 0;
              (await pc.getStats()).forEach(s => {
                if (s.type === 'candidate-pair' && s.nominated && s.availableOutgoingBitrate) estimate = s.availableOutgoingBitrate;
              });
              return estimate > bps;
            }""";

    private Page open(Page page, Role role, String name) {
        return stack.open(page, ROOM, role, name);
    }

    private static List<String> others(String name) {
        return MINISTERS.stream().filter(n -> !n.equals(name)).toList();
    }

    private static void awaitFlowFrom(Page page, List<String> senders) {
        PageMediaStats.awaitGrowth(page, PageMediaStats.awaitGrowth(page, new PageMediaStats(Map.of()), senders), senders);
    }

    private static List<Page> concat(java.util.Collection<Page> a, List<Page> b) {
        List<Page> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** From the viewer's browser: a real camera offer sent as 'publish' on a socket with a viewer's token. */
    private JsonObject viewerPublishAttempt(Page viewerPage) {
        String token = stack.token(ROOM, Role.VIEWER, "Vera (second device)");
        Object reply = viewerPage.evaluate("""
                async (token) => {
                  const pc = new RTCPeerConnection({bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require'});
                  const stream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
                  stream.getTracks().forEach(t => pc.addTransceiver(t, {direction: 'sendonly'}));
                  await pc.setLocalDescription(await pc.createOffer());
                  const ws = new WebSocket(`ws://${location.host}/ws?token=${token}`);
                  const reply = await new Promise((resolve, reject) => {
                    ws.onerror = () => reject(new Error('socket failed'));
                    ws.onmessage = (e) => {
                      const m = JSON.parse(e.data);
                      if (m.type === 'welcome') ws.send(JSON.stringify({type: 'publish', id: 'attempt', sdp: pc.localDescription.sdp}));
                      else if (m.type === 'error' || m.type === 'publishAnswer') resolve(m);
                    };
                  });
                  ws.close();
                  pc.close();
                  stream.getTracks().forEach(t => t.stop());
                  return JSON.stringify(reply);
                }""", token);
        return new JsonObject((String) reply);
    }

    /** Random and truncated RTP, RTCP, STUN and DTLS datagrams at the shared media port. */
    private static void sendGarbageDatagrams(int port) throws Exception {
        Random random = new Random(42);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket socket = new DatagramSocket(0, loopback)) {
            for (int n = 0; n < 400; n++) {
                byte[] datagram = new byte[1 + random.nextInt(300)];
                random.nextBytes(datagram);
                switch (n % 5) {
                    case 0 -> datagram[0] = (byte) 0x80;                        // RTP-looking, random rest
                    case 1 -> { datagram = java.util.Arrays.copyOf(datagram, Math.max(2, datagram.length));
                                datagram[0] = (byte) 0x80; datagram[1] = (byte) 200; } // RTCP SR-looking
                    case 2 -> { datagram = java.util.Arrays.copyOf(datagram, Math.max(20, datagram.length));
                                datagram[0] = 0; datagram[1] = 1;                // STUN binding request header
                                datagram[4] = 0x21; datagram[5] = 0x12; datagram[6] = (byte) 0xA4; datagram[7] = 0x42; }
                    case 3 -> { datagram[0] = 22; }                              // DTLS handshake record, truncated/garbled
                    default -> { }                                               // anything
                }
                socket.send(new DatagramPacket(datagram, datagram.length, loopback, port));
            }
        }
    }

    /** Malformed JSON, unknown types and oversize text on a viewer's socket; and a socket with no token. */
    private void sendGarbageMessages() throws Exception {
        String token = stack.token(ROOM, Role.VIEWER, "Noise");
        try (WsTestClient noisy = WsTestClient.connect(stack.vertx(), stack.httpPort(), token)) {
            noisy.next("welcome");
            noisy.sendRaw("{not json");
            noisy.sendRaw("[]");
            noisy.sendRaw("{\"type\":\"no-such-message\"}");
            noisy.sendRaw("{\"type\":\"publish\"}");
            noisy.sendRaw("{\"type\":\"subscribe\",\"sdp\":\"v=0\",\"mids\":{\"0\":\"nobody:0\"}}");
            noisy.sendRaw("x".repeat(300_000));
        }
        try (WsTestClient anonymous = WsTestClient.connect(stack.vertx(), stack.httpPort(), "garbage.token.here")) {
            anonymous.awaitClose();
        }
    }

    private void awaitNoEndpoints() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 30_000_000_000L;
        String metrics = "";
        while (System.nanoTime() < deadline) {
            metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.httpPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (endpoints(metrics) == 0 && metrics.contains("roundtable_endpoints") && stack.media().counters().endpoints() == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("endpoints remain after everyone left:\n" + metrics);
    }

    private static double endpoints(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("roundtable_endpoints{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
