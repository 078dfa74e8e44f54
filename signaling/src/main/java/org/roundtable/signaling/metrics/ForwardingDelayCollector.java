package org.roundtable.signaling.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.List;
import java.util.function.Supplier;

import org.roundtable.sfu.api.DelayDistribution;

/**
 * {@code roundtable_media_forwarding_delay_seconds}: the media server's own histogram of how long
 * forwarded packets spent inside it, exposed as a Prometheus classic histogram (buckets read at
 * scrape time; the SFU keeps them, since recording per packet through the client library would put
 * its locks on the media path). Thread-safe.
 */
final class ForwardingDelayCollector implements Collector {
    static final String NAME = "roundtable_media_forwarding_delay_seconds";

    private final Supplier<DelayDistribution> source;

    ForwardingDelayCollector(Supplier<DelayDistribution> source) {
        this.source = source;
    }

    @Override
    public MetricSnapshot collect() {
        DelayDistribution d = source.get();
        ClassicHistogramBuckets buckets = ClassicHistogramBuckets.of(d.upperBoundsSeconds(), d.counts());
        return new HistogramSnapshot(
                new MetricMetadata(NAME,
                        "Time forwarded media packets spent in the server, from receive to the return of their send",
                        Unit.SECONDS),
                List.of(new HistogramSnapshot.HistogramDataPointSnapshot(buckets, d.sumSeconds(), Labels.EMPTY,
                        Exemplars.EMPTY, 0L)));
    }

    @Override
    public String getPrometheusName() {
        return NAME;
    }
}
