package org.roundtable.loadtest.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads {@code process_cpu_seconds_total} and {@code process_resident_memory_bytes} from the
 * server's Prometheus endpoint (the JVM process metrics). Used from the reporting thread only.
 */
public final class MetricsEndpointProbe implements ServerCostProbe {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;
    private String lastError;

    public MetricsEndpointProbe(URI metricsUri) {
        this.uri = metricsUri;
    }

    @Override
    public ServerCost read() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                lastError = "HTTP " + r.statusCode();
                return ServerCost.UNKNOWN;
            }
            return new ServerCost(PrometheusText.value(r.body(), "process_cpu_seconds_total", false),
                    PrometheusText.value(r.body(), "process_resident_memory_bytes", false));
        } catch (java.io.IOException e) {
            lastError = e.toString();
            return ServerCost.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ServerCost.UNKNOWN;
        }
    }

    @Override
    public String source() {
        return uri + (lastError == null ? "" : " (last error: " + lastError + ")");
    }
}
