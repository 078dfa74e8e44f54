package org.roundtable.signaling.e2e;

import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.roundtable.sfu.SfuServer;
import org.roundtable.sfu.api.SfuConfig;
import org.roundtable.signaling.JoinLinks;
import org.roundtable.signaling.RoundtableServer;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.cli.ServerOptions;

/**
 * The real stack a browser test drives: the SFU on loopback (one media worker), the signaling
 * server in front of it on an ephemeral HTTP port with its own data directory, and one headless
 * Chromium; started before and torn down after each test
 * ({@code @RegisterExtension final LiveStack stack = new LiveStack();}). Used from the JUnit
 * test thread only.
 */
final class LiveStack implements BeforeEachCallback, AfterEachCallback {

    private Path dataDir;
    private SfuServer media;
    private BrowserHarness browsers;
    private Vertx vertx;
    private RoundtableServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("roundtable-e2e");
        media = SfuServer.start(new SfuConfig("127.0.0.1", 0, "127.0.0.1", 1));
        vertx = Vertx.vertx();
        server = RoundtableServer.start(vertx, ServerOptions.loopbackForTests(dataDir), media, Clock.systemUTC())
                .await(20, TimeUnit.SECONDS);
        browsers = new BrowserHarness();
    }

    SfuServer media() { return media; }
    Vertx vertx() { return vertx; }
    BrowserHarness browsers() { return browsers; }
    int httpPort() { return server.httpPort(); }

    String token(String room, Role role, String name) {
        return server.tokens().issue(room, role, name, Duration.ofHours(1));
    }

    /** Opens {@code role}'s join link for {@code name} in {@code page} and waits until the page is connected. */
    Page open(Page page, String room, Role role, String name) {
        page.navigate(JoinLinks.url("http://127.0.0.1:" + httpPort(), token(room, role, name)));
        page.waitForFunction("() => window.roundtable && window.roundtable.connection === 'connected'");
        return page;
    }

    /**
     * Stops the signaling server in-process and starts a new one on the same port and data dir
     * (the SFU and the pages stay): what a crash and restart of signaling looks like to the pages.
     */
    void restartSignaling() throws Exception {
        int port = httpPort();
        vertx.close().await(20, TimeUnit.SECONDS);
        vertx = Vertx.vertx();
        ServerOptions o = ServerOptions.loopbackForTests(dataDir);
        ServerOptions same = new ServerOptions(port, o.mediaPort(), o.host(), o.publicHost(), o.dataDir(), o.secretFile(), null, null);
        server = RoundtableServer.start(vertx, same, media, Clock.systemUTC()).await(20, TimeUnit.SECONDS);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (browsers != null) {
                browsers.close();
            }
            if (vertx != null) {
                vertx.close().await(20, TimeUnit.SECONDS);
            }
            if (media != null) {
                media.close();
            }
        } finally {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
