package org.roundtable.signaling.cli;

import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.roundtable.signaling.JoinLinks;
import org.roundtable.signaling.auth.JoinClaims;
import org.roundtable.signaling.auth.JoinTokens;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.auth.SecretStore;

/**
 * {@code token --room R --role ROLE --name NAME [server flags]}: prints a join URL for the server
 * started with the same flags (line 1) and the bare token (line 2).
 */
public final class TokenCommand {

    private static final Set<String> FLAGS;

    static {
        Set<String> flags = new HashSet<>(ServerOptions.FLAGS);
        flags.addAll(List.of("room", "role", "name", "valid-hours", "id"));
        FLAGS = Set.copyOf(flags);
    }

    private TokenCommand() {
    }

    public static void run(List<String> args, PrintStream out, Clock clock) throws IOException {
        CommandLine cl = CommandLine.parse(args, FLAGS);
        ServerOptions options = ServerOptions.from(cl);
        Role role = Role.fromWire(cl.required("role"))
                .orElseThrow(() -> new CommandLine.UsageException("--role must be moderator, minister or viewer"));
        Duration validity = validity(cl);
        byte[] secret = SecretStore.loadOrCreate(options.secretFile());
        Vertx vertx = Vertx.vertx();
        try {
            JoinTokens tokens = new JoinTokens(vertx, secret, clock);
            String token;
            try {
                token = tokens.issue(new JoinClaims(cl.required("room"), role, cl.required("name"),
                        clock.instant().plus(validity), cl.get("id", null)));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.UsageException(e.getMessage());
            }
            out.println(JoinLinks.url(options.linkBase(options.httpPort()), token));
            out.println(token);
        } finally {
            vertx.close();
        }
    }

    private static Duration validity(CommandLine cl) {
        String hours = cl.get("valid-hours", null);
        if (hours == null) {
            return JoinTokens.DEFAULT_VALIDITY;
        }
        try {
            long h = Long.parseLong(hours);
            if (h <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofHours(h);
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("--valid-hours must be a positive whole number");
        }
    }
}
