package org.roundtable.loadtest.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.roundtable.loadtest.participant.LoadParticipant;
import org.roundtable.loadtest.participant.ParticipantCounters;
import org.roundtable.loadtest.participant.TrackDirectory;
import org.roundtable.loadtest.participant.TrackRef;
import org.roundtable.loadtest.report.ParticipantReport;
import org.roundtable.loadtest.report.StreamReport;
import org.roundtable.loadtest.stats.LatencyHistogram;
import org.roundtable.loadtest.stats.TrackReception;

/**
 * Turns the participants' final state into stream and participant reports and the overall
 * latency histogram. Runs after the media workers stopped (their state is then safe to read).
 */
final class ReportBuilder {
    final List<StreamReport> streams = new ArrayList<>();
    final List<ParticipantReport> participants = new ArrayList<>();
    final LatencyHistogram latency = new LatencyHistogram();
    int subscriptions;
    int subscriptionsReceiving;
    long expected;
    long received;
    long duplicates;
    long outOfOrder;
    long freezes;
    double frozenSeconds;
    double jitterSum;
    double jitterMax;
    long sentPackets;
    double[] joinTimes = new double[0];
    int joined;

    ReportBuilder(List<? extends LoadParticipant> all, TrackDirectory directory, long endNanos) {
        List<Double> joins = new ArrayList<>();
        for (LoadParticipant p : all) {
            List<TrackReception> receptions = p.receptions();
            Set<Integer> receiving = new HashSet<>();
            for (TrackReception r : receptions) {
                TrackDirectory.Entry e = directory.entry(r.trackNumber());
                long frozen = r.freezes().frozenNanos();
                long freezeCount = r.freezes().freezes();
                // a stream that stopped for good before the end also froze
                long open = r.freezes().openGapNanos(endNanos);
                if (open > TrackReception.FREEZE_THRESHOLD_NANOS) {
                    freezeCount++;
                    frozen += open;
                }
                StreamReport s = new StreamReport(p.spec().name(), e == null ? "?" : e.publisher(),
                        e == null ? "?" : e.kind().sdpName(), r.expected(), r.received(), r.lost(), r.duplicates(),
                        r.outOfOrder(), r.bytes(), r.jitter().jitterMillis(), r.latency().percentileMillis(50),
                        r.latency().percentileMillis(95), r.latency().percentileMillis(99),
                        r.latency().maxMicros() / 1000.0, freezeCount, frozen / 1e9, r.layersSeen());
                streams.add(s);
                latency.add(r.latency());
                expected += s.expected();
                received += s.received();
                duplicates += s.duplicates();
                outOfOrder += s.outOfOrder();
                freezes += freezeCount;
                frozenSeconds += frozen / 1e9;
                jitterSum += s.jitterMs();
                jitterMax = Math.max(jitterMax, s.jitterMs());
                if (r.received() > 0) {
                    receiving.add(r.trackNumber());
                }
            }
            int subscribed = 0;
            int gettingIt = 0;
            for (TrackRef t : p.tracksToReceive()) {
                int number = directory.trackNumberOf(t.participantId(), t.kind());
                if (number < 0) {
                    continue; // someone else's track (a real browser in the room)
                }
                subscribed++;
                if (receiving.contains(number)) {
                    gettingIt++;
                }
            }
            subscriptions += subscribed;
            subscriptionsReceiving += gettingIt;
            ParticipantCounters c = p.counters();
            sentPackets += c.sentPackets();
            if (p.welcomed()) {
                joined++;
            }
            double join = p.joinToFirstMediaMs();
            if (join >= 0) {
                joins.add(join);
            }
            participants.add(new ParticipantReport(p.spec().name(), p.spec().role(), p.welcomed(), join, subscribed,
                    gettingIt, c.sentPackets(), p.error()));
        }
        joinTimes = joins.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    double joinPercentile(double pct) {
        if (joinTimes.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(pct / 100.0 * joinTimes.length);
        return joinTimes[Math.max(0, Math.min(joinTimes.length - 1, rank - 1))];
    }

    double joinMax() {
        return joinTimes.length == 0 ? Double.NaN : Arrays.stream(joinTimes).max().orElse(Double.NaN);
    }

    /** Over the whole run; NaN when nothing was expected. */
    double lossPercent() {
        return IntervalTotals.lossPercent(expected, received);
    }
}
