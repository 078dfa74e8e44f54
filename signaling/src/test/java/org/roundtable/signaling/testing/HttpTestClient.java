package org.roundtable.signaling.testing;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP/1.1 requests to a server under test on 127.0.0.1, through the JDK's client.
 *
 * <p>Not Vert.x's client: under CPU load, Vert.x 5.0.7's pooled keep-alive client, awaited from the test
 * thread, left about one request in forty without a response (reproduced with 150 repetitions next to
 * four busy loops; the JDK client on the same keep-alive connections never missed). Thread-safe.
 */
public final class HttpTestClient {

    public record Response(int status, String contentType, String body) {
        public JsonObject json() {
            return new JsonObject(body);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final int port;

    public HttpTestClient(int port) {
        this.port = port;
    }

    public Response get(String uri) throws IOException, InterruptedException {
        return send("GET", uri, null, null);
    }

    /** {@code bearer} goes into an Authorization header when not null; {@code body} is sent as JSON when not null. */
    public Response send(String method, String uri, String bearer, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri))
                .timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
}
