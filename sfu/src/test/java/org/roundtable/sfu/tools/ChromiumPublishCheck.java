package org.roundtable.sfu.tools;

import com.sun.net.httpserver.HttpServer;
import java.io.*;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.roundtable.sfu.SfuServer;
import org.roundtable.sfu.api.*;

/**
 * Manual check, not a unit test: one headless Chromium publishes its fake 640x480 camera and
 * microphone to a real {@link SfuServer} on loopback and reports, every 2 s, its outbound video
 * (bytes, target bitrate, size, fps) next to the server's counters, so one can see the
 * bandwidth estimate ramp up thanks to our transport-cc feedback. Needs {@code chromium} on the
 * PATH; runs for {@code args[0]} seconds (default 25). Run with the test classpath and the ice4j
 * properties of the surefire configuration.
 */
public final class ChromiumPublishCheck {
    static final String PAGE = """
<!doctype html><html><body><script>
(async () => {
  const pc = new RTCPeerConnection({bundlePolicy:'max-bundle', rtcpMuxPolicy:'require'});
  const s = await navigator.mediaDevices.getUserMedia({audio:true, video:{width:640,height:480}});
  s.getTracks().forEach(t => pc.addTrack(t, s));
  await pc.setLocalDescription(await pc.createOffer());
  const r = await fetch('/offer', {method:'POST', body: pc.localDescription.sdp});
  await pc.setRemoteDescription({type:'answer', sdp: await r.text()});
  setInterval(async () => {
    const st = await pc.getStats(); const out = {};
    st.forEach(x => {
      if (x.type==='outbound-rtp' && x.kind==='video') out.video = {bytesSent:x.bytesSent, target:x.targetBitrate, w:x.frameWidth, h:x.frameHeight, fps:x.framesPerSecond, ql:x.qualityLimitationReason};
      if (x.type==='candidate-pair' && x.state==='succeeded') out.aob = x.availableOutgoingBitrate;
    });
    fetch('/stats', {method:'POST', body: JSON.stringify(out)});
  }, 2000);
})().catch(e => fetch('/stats', {method:'POST', body: 'ERR ' + e}));
</script></body></html>
""";
    public static void main(String[] a) throws Exception {
        SfuServer sfu = SfuServer.start(new SfuConfig("127.0.0.1", 0, "127.0.0.1", 1));
        EndpointHandle ep = sfu.conference("c", new ConferenceListener() {
            public void onTrackAdded(TrackInfo t) { System.out.println("added " + t); }
            public void onTrackRemoved(TrackInfo t) { System.out.println("removed " + t); }
            public void onEndpointExpired(String id, String reason) { System.out.println("EXPIRED " + id + " " + reason); }
        }).addEndpoint("chrome", true);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", ex -> { byte[] b = PAGE.getBytes(StandardCharsets.UTF_8); ex.getResponseHeaders().add("Content-Type","text/html"); ex.sendResponseHeaders(200, b.length); ex.getResponseBody().write(b); ex.close(); });
        http.createContext("/offer", ex -> { String offer = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try { byte[] b = ep.answerPublish(offer).get(20, TimeUnit.SECONDS).getBytes(StandardCharsets.UTF_8); ex.sendResponseHeaders(200, b.length); ex.getResponseBody().write(b); }
            catch (Exception e) { e.printStackTrace(); ex.sendResponseHeaders(500, -1); } ex.close(); });
        long t0 = System.nanoTime();
        http.createContext("/stats", ex -> { String s = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            System.out.printf("%5.1fs %s | tccFb=%d rr=%d nack=%d pli=%d in=%d drops=%s%n", (System.nanoTime()-t0)/1e9, s, sfu.counters().transportCcFeedbackSent(), sfu.counters().rtcpOut(), sfu.counters().nacksSent(), sfu.counters().plisSent(), sfu.counters().packetsIn(), sfu.counters().droppedByReason());
            ex.sendResponseHeaders(204, -1); ex.close(); });
        http.start();
        java.nio.file.Path profile = java.nio.file.Files.createTempDirectory("roundtable-chromium");
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/";
        Process chrome = new ProcessBuilder("chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--mute-audio",
            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile, url).redirectErrorStream(true).redirectOutput(new File(profile.toFile(), "chrome.log")).start();
        Thread.sleep(Long.parseLong(a.length > 0 ? a[0] : "25") * 1000);
        chrome.destroy(); chrome.waitFor(5, TimeUnit.SECONDS); if (chrome.isAlive()) chrome.destroyForcibly();
        http.stop(0); sfu.close();
        System.exit(0);
    }
}
