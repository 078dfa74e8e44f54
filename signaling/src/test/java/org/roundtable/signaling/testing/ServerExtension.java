package org.roundtable.signaling.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.roundtable.signaling.auth.JoinClaims;
import org.roundtable.signaling.auth.Role;

/**
 * A {@link RunningServer} per test with its own data directory, for protocol tests:
 * {@code @RegisterExtension final ServerExtension server = new ServerExtension("council");}.
 */
public final class ServerExtension implements BeforeEachCallback, AfterEachCallback {
    private final String room;
    private Path dataDir;
    private RunningServer server;

    public ServerExtension(String room) {
        this.room = room;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("roundtable-test");
        server = new RunningServer(dataDir);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    public RunningServer server() {
        return server;
    }

    /** Stops the server and starts a new one on the same data directory (journal, secret). */
    public RunningServer restart() throws Exception {
        server.close();
        server = new RunningServer(dataDir);
        return server;
    }

    /** Connects to the room without reading anything yet. */
    public WsTestClient connect(Role role, String name) throws Exception {
        return server.connect(server.token(room, role, name));
    }

    /** Connects and reads the {@code welcome} and the first {@code tracks}. */
    public WsTestClient join(Role role, String name) throws Exception {
        WsTestClient client = connect(role, name);
        client.next("welcome");
        client.next("tracks");
        return client;
    }

    /** The participant id the server derives for {@code name} in the room (tokens without {@code sub}). */
    public String id(String name) {
        return JoinClaims.derivedId(room, name);
    }
}
