package org.roundtable.signaling.cli;

import io.vertx.core.Vertx;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.signaling.auth.JoinClaims;
import org.roundtable.signaling.auth.JoinTokens;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.auth.SecretStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCommandTest {

    @TempDir
    Path dataDir;

    private List<String> run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TokenCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void printsAJoinUrlAndTheBareTokenSignedWithThePersistedSecret() throws Exception {
        List<String> lines = run("--room", "council", "--role", "minister", "--name", "Ana", "--data-dir", dataDir.toString(),
                "--http-port", "8443", "--host", "127.0.0.1");
        assertEquals(2, lines.size());
        String token = lines.get(1);
        assertEquals("http://127.0.0.1:8443/room?token=" + token, lines.get(0));
        Path secretFile = dataDir.resolve("secret.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));

        List<String> again = run("--room", "council", "--role", "viewer", "--name", "Vic", "--data-dir", dataDir.toString());
        assertEquals("http://127.0.0.1:8080/room?token=" + again.get(1), again.get(0));

        Vertx vertx = Vertx.vertx();
        try {
            JoinTokens server = new JoinTokens(vertx, SecretStore.loadOrCreate(secretFile), Clock.systemUTC());
            JoinClaims ana = server.verify(token).await(10, TimeUnit.SECONDS);
            assertEquals("council", ana.room());
            assertEquals(Role.MINISTER, ana.role());
            assertEquals("Ana", ana.name());
            assertEquals(Role.VIEWER, server.verify(again.get(1)).await(10, TimeUnit.SECONDS).role());
        } finally {
            vertx.close();
        }
    }

    @Test
    void linksUseThePublicHostAndHttpsWhenConfigured() throws Exception {
        Path cert = Files.writeString(dataDir.resolve("c.pem"), "");
        List<String> lines = run("--room", "r", "--role", "moderator", "--name", "M", "--data-dir", dataDir.toString(),
                "--host", "0.0.0.0", "--public-host", "203.0.113.7", "--tls-cert", cert.toString(), "--tls-key", cert.toString());
        assertTrue(lines.get(0).startsWith("https://203.0.113.7:8080/room?token="), lines.get(0));
    }

    @Test
    void explainsWrongUsage() {
        String dir = dataDir.toString();
        assertThrows(CommandLine.UsageException.class, () -> run("--room", "r", "--role", "king", "--name", "K", "--data-dir", dir));
        assertThrows(CommandLine.UsageException.class, () -> run("--role", "viewer", "--name", "K", "--data-dir", dir));
        assertThrows(CommandLine.UsageException.class, () -> run("--room", "r", "--role", "viewer", "--name", "K", "--colour", "red"));
        assertThrows(CommandLine.UsageException.class, () -> run("--room", "bad room", "--role", "viewer", "--name", "K", "--data-dir", dir));
        CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class,
                () -> run("--room", "r", "--role", "viewer", "--name", "K", "--http-port", "99999", "--data-dir", dir));
        assertTrue(e.getMessage().contains("--http-port"), e.getMessage());
    }
}
