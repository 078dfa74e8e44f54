package org.roundtable.loadtest.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads Roundtable's forwarding-delay histogram from its {@code /metrics}; {@link #NONE} for
 * servers that have none (Janus). Used from the runner's thread only.
 */
public interface ForwardingDelayProbe {
    /** The current reading, or null when unavailable. */
    ForwardingDelayReading read();

    ForwardingDelayProbe NONE = () -> null;

    static ForwardingDelayProbe metricsEndpoint(URI metricsUri) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return () -> {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(metricsUri).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 ? ForwardingDelayReading.parse(r.body()) : null;
            } catch (java.io.IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        };
    }
}
