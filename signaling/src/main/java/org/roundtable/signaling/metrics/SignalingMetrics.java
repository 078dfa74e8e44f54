package org.roundtable.signaling.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

import org.roundtable.sfu.api.MediaCounters;
import org.roundtable.sfu.api.MediaServer;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.message.ErrorCode;

/**
 * The Prometheus registry of one server: media counters read from {@link MediaServer#counters()}
 * at scrape time, signaling counters, JVM metrics. Thread-safe (Prometheus metrics are).
 */
public final class SignalingMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter rejectedMessages;
    private final Counter rejectedTokens;

    /**
     * @param participantsByRole live signaling sessions of a role (read at scrape time from any thread)
     */
    public SignalingMetrics(MediaServer media, ToIntFunction<Role> participantsByRole, IntSupplier roundtables) {
        GaugeWithCallback.builder().name("roundtable_conferences")
                .help("Live conferences on the media server")
                .callback(cb -> cb.call(media.conferenceCount()))
                .register(registry);
        GaugeWithCallback.builder().name("roundtable_roundtables")
                .help("Roundtables with at least one connected participant")
                .callback(cb -> cb.call(roundtables.getAsInt()))
                .register(registry);
        GaugeWithCallback.builder().name("roundtable_endpoints")
                .help("Connected participants by role")
                .labelNames("role")
                .callback(cb -> {
                    for (Role role : Role.values()) {
                        cb.call(participantsByRole.applyAsInt(role), role.wireName());
                    }
                })
                .register(registry);
        GaugeWithCallback.builder().name("roundtable_media_endpoints")
                .help("Live media transports on the media server")
                .callback(cb -> cb.call(media.counters().endpoints()))
                .register(registry);
        mediaCounter(media, "roundtable_media_packets_in", "RTP/RTCP packets received", MediaCounters::packetsIn);
        mediaCounter(media, "roundtable_media_bytes_in", "RTP/RTCP bytes received", MediaCounters::bytesIn);
        mediaCounter(media, "roundtable_media_packets_out", "RTP/RTCP packets sent", MediaCounters::packetsOut);
        mediaCounter(media, "roundtable_media_bytes_out", "RTP/RTCP bytes sent", MediaCounters::bytesOut);
        mediaCounter(media, "roundtable_srtp_failures", "SRTP/SRTCP packets that failed authentication or decryption", MediaCounters::srtpFailures);
        mediaCounter(media, "roundtable_dtls_handshakes", "Completed DTLS handshakes", MediaCounters::dtlsHandshakes);
        mediaCounter(media, "roundtable_dtls_handshake_failures", "Failed DTLS handshakes", MediaCounters::dtlsHandshakeFailures);
        CounterWithCallback.builder().name("roundtable_media_packets_dropped")
                .help("Packets dropped on the media path, by reason")
                .labelNames("reason")
                .callback(cb -> {
                    for (Map.Entry<String, Long> e : media.counters().droppedByReason().entrySet()) {
                        cb.call(e.getValue(), e.getKey());
                    }
                })
                .register(registry);
        registry.register(new ForwardingDelayCollector(() -> media.counters().forwardingDelay()));
        rejectedMessages = Counter.builder().name("roundtable_signaling_messages_rejected")
                .help("Signaling messages answered with an error, by error code")
                .labelNames("code")
                .register(registry);
        rejectedTokens = Counter.builder().name("roundtable_tokens_rejected")
                .help("Join tokens refused, by reason")
                .labelNames("reason")
                .register(registry);
        // Known label values start at 0, so dashboards and alerts see the series before the first refusal.
        ErrorCode.MESSAGE_REFUSALS.forEach(rejectedMessages::initLabelValues);
        for (String reason : new String[] {"missing", "invalid", "expired", "bad-claims"}) {
            rejectedTokens.initLabelValues(reason);
        }
        JvmMetrics.builder().register(registry);
    }

    private void mediaCounter(MediaServer media, String name, String help, java.util.function.ToLongFunction<MediaCounters> read) {
        CounterWithCallback.builder().name(name).help(help)
                .callback(cb -> cb.call(read.applyAsLong(media.counters())))
                .register(registry);
    }

    public void messageRejected(String code) {
        rejectedMessages.labelValues(code).inc();
    }

    public void tokenRejected(String reason) {
        rejectedTokens.labelValues(reason).inc();
    }

    /** The whole registry in the Prometheus text format. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    public String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
