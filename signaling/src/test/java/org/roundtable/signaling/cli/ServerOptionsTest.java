package org.roundtable.signaling.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServerOptionsTest {

    private static ServerOptions parse(String... args) {
        return ServerOptions.from(CommandLine.parse(List.of(args), ServerOptions.FLAGS));
    }

    @Test
    void defaultsServeLoopbackOnTheDocumentedPorts() {
        ServerOptions options = parse();
        assertEquals(8080, options.httpPort());
        assertEquals(10000, options.mediaPort());
        assertEquals("127.0.0.1", options.host());
        assertEquals("127.0.0.1", options.advertisedHost());
        assertEquals(Path.of("data"), options.dataDir());
        assertEquals(Path.of("data", "secret.key"), options.secretFile());
        assertFalse(options.tls());
        assertEquals("http://127.0.0.1:8080", options.linkBase(8080));
    }

    @Test
    void flagsOverrideDefaults() {
        ServerOptions options = parse("--http-port", "9000", "--media-port=20000", "--host", "0.0.0.0",
                "--public-host", "198.51.100.4", "--data-dir", "/var/lib/rt", "--secret-file", "/etc/rt.key");
        assertEquals(9000, options.httpPort());
        assertEquals(20000, options.mediaPort());
        assertEquals("198.51.100.4", options.advertisedHost());
        assertEquals(Path.of("/etc/rt.key"), options.secretFile());
        assertEquals("http://198.51.100.4:9000", options.linkBase(9000));
        assertEquals("http://[2001:db8::1]:80", parse("--public-host", "2001:db8::1").linkBase(80));
    }

    @Test
    void refusesIncompleteOrUnknownFlags() {
        assertThrows(CommandLine.UsageException.class, () -> parse("--http-port"));
        assertThrows(CommandLine.UsageException.class, () -> parse("--http-port", "http"));
        assertThrows(CommandLine.UsageException.class, () -> parse("--tls-cert", "a.pem"));
        assertThrows(CommandLine.UsageException.class, () -> parse("--verbose", "yes"));
        assertThrows(CommandLine.UsageException.class, () -> parse("server"));
        assertThrows(CommandLine.UsageException.class, () -> parse("--host", "a", "--host", "b"));
    }
}
