package org.roundtable.signaling.e2e;

import com.microsoft.playwright.Page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a page receives from each other participant, read from its subscribe connection's
 * {@code getStats()}: video frames decoded and frame width, audio packets and samples.
 */
record PageMediaStats(Map<String, Received> byName) {

    /** Counters of one sender's tracks as seen by one receiving page. */
    record Received(long framesDecoded, long frameWidth, long audioPackets, long audioSamples) {

        boolean grewFrom(Received before) {
            return framesDecoded > before.framesDecoded && frameWidth > 0
                    && audioPackets > before.audioPackets && audioSamples > before.audioSamples;
        }

        boolean audioGrewFrom(Received before) {
            return audioPackets > before.audioPackets;
        }
    }

    static final Received NOTHING = new Received(0, 0, 0, 0);

    /** Per sender name: matches inbound-rtp stats to received tracks by the receiver track's id. */
    private static final String READ = """
            async () => {
              const rt = window.roundtable;
              const pc = rt.pcs && rt.pcs.subscribe;
              const out = {};
              if (!pc || !rt.received) return out;
              const names = {};
              for (const p of rt.participants) names[p.participantId] = p.name;
              const byTrack = {};
              for (const t of pc.getTransceivers()) {
                const r = rt.received().find(x => x.mid === t.mid);
                if (r) byTrack[t.receiver.track.id] = names[r.participantId] || r.participantId;
              }
              (await pc.getStats()).forEach(s => {
                if (s.type !== 'inbound-rtp') return;
                const name = byTrack[s.trackIdentifier];
                if (!name) return;
                const e = out[name] || (out[name] = {frames: 0, width: 0, packets: 0, samples: 0});
                if (s.kind === 'video') { e.frames = s.framesDecoded || 0; e.width = s.frameWidth || 0; }
                else { e.packets = s.packetsReceived || 0; e.samples = s.totalSamplesReceived || 0; }
              });
              return out;
            }""";

    @SuppressWarnings("unchecked")
    static PageMediaStats read(Page page) {
        Map<String, Object> raw = (Map<String, Object>) page.evaluate(READ);
        Map<String, Received> byName = new HashMap<>();
        raw.forEach((name, value) -> {
            Map<String, Object> e = (Map<String, Object>) value;
            byName.put(name, new Received(num(e.get("frames")), num(e.get("width")), num(e.get("packets")), num(e.get("samples"))));
        });
        return new PageMediaStats(byName);
    }

    Received of(String name) {
        return byName.getOrDefault(name, NOTHING);
    }

    Set<String> senders() {
        return byName.keySet();
    }

    /**
     * Waits until, for every named sender, video frames, audio packets and samples have grown
     * past {@code before}. The deadline only guards against a hang; nothing here measures speed.
     */
    static PageMediaStats awaitGrowth(Page page, PageMediaStats before, List<String> senders) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            PageMediaStats now = read(page);
            if (senders.stream().allMatch(n -> now.of(n).grewFrom(before.of(n)))) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(page.url() + ": media from " + senders + " did not grow past " + before + "; now " + now);
            }
            page.waitForTimeout(500);
        }
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
