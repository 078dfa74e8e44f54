package org.roundtable.signaling;

import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

import org.roundtable.sfu.SfuServer;
import org.roundtable.sfu.api.SfuConfig;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.cli.CommandLine;
import org.roundtable.signaling.cli.ServerOptions;
import org.roundtable.signaling.cli.TokenCommand;

/** {@code roundtable [server] [flags]} runs everything in this JVM; {@code roundtable token ...} prints a join link. */
public final class Main {

    static final String DEMO_ROOM = "demo";

    private Main() {
    }

    public static void main(String[] args) {
        defaultLogging();
        List<String> list = Arrays.asList(args);
        String command = list.isEmpty() || list.get(0).startsWith("-") ? "server" : list.get(0);
        List<String> rest = list.isEmpty() || list.get(0).startsWith("-") ? list : list.subList(1, list.size());
        try {
            switch (command) {
                case "server" -> {
                    if (rest.contains("--help") || rest.contains("-h")) {
                        usage(System.out);
                        return;
                    }
                    server(ServerOptions.from(CommandLine.parse(rest, ServerOptions.FLAGS)));
                }
                case "token" -> TokenCommand.run(rest, System.out, Clock.systemUTC());
                case "help" -> usage(System.out);
                default -> throw new CommandLine.UsageException("unknown command '" + command + "'");
            }
        } catch (CommandLine.UsageException e) {
            System.err.println("roundtable: " + e.getMessage());
            usage(System.err);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("roundtable: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void server(ServerOptions options) throws Exception {
        defaultIce4jProperties();
        SfuConfig sfuConfig = new SfuConfig(options.host(), options.mediaPort(), options.advertisedHost(),
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        SfuServer media = SfuServer.start(sfuConfig);
        Vertx vertx = Vertx.vertx();
        RoundtableServer server;
        try {
            server = RoundtableServer.start(vertx, options, media, Clock.systemUTC())
                    .await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            media.close();
            throw new IllegalStateException("could not serve HTTP on " + options.host() + ":" + options.httpPort() + ": " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // exiting anyway
            }
            media.close();
            stopped.countDown();
        }, "roundtable-shutdown"));
        printBanner(System.out, server, media);
        stopped.await();
    }

    private static void printBanner(PrintStream out, RoundtableServer server, SfuServer media) {
        out.println("Roundtable is running at " + server.baseUrl() + "  (media: UDP port " + media.port()
                + ", ICE address " + media.advertisedAddress() + ")");
        out.println("Health: " + server.baseUrl() + "/health   Metrics: " + server.baseUrl() + "/metrics");
        out.println();
        out.println("Join the demo roundtable '" + DEMO_ROOM + "' (links valid 24 h):");
        out.println("  moderator: " + server.joinLink(DEMO_ROOM, Role.MODERATOR, "Moderator"));
        out.println("  minister:  " + server.joinLink(DEMO_ROOM, Role.MINISTER, "Minister"));
        out.println("  viewer:    " + server.joinLink(DEMO_ROOM, Role.VIEWER, "Viewer"));
        out.println();
        out.println("More links: java -jar signaling/target/roundtable.jar token --room NAME --role minister --name \"Your Name\"");
        out.flush();
    }

    private static void defaultLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream config = Main.class.getResourceAsStream("/roundtable-logging.properties")) {
            if (config != null) {
                LogManager.getLogManager().readConfiguration(config);
            }
        } catch (IOException e) {
            System.err.println("roundtable: default logging configuration unreadable: " + e.getMessage());
        }
    }

    /** ice4j reads these at class load: no cloud metadata probes, no STUN, one shared port. */
    private static void defaultIce4jProperties() {
        System.getProperties().putIfAbsent("ice4j.harvest.mapping.aws.enabled", "false");
        System.getProperties().putIfAbsent("ice4j.harvest.mapping.stun.enabled", "false");
        System.getProperties().putIfAbsent("ice4j.harvest.udp.use-dynamic-ports", "false");
    }

    private static void usage(PrintStream out) {
        out.println("""
                Usage:
                  roundtable [server] [--http-port N] [--media-port N] [--host ADDR] [--public-host ADDR]
                                      [--data-dir DIR] [--secret-file FILE] [--tls-cert PEM --tls-key PEM]
                  roundtable token --room ROOM --role moderator|minister|viewer --name NAME
                                   [--valid-hours H] [same server flags, for the link's address]

                  --http-port    HTTP + WebSocket port (default 8080)
                  --media-port   the one UDP port all media uses (default 10000)
                  --host         bind address for HTTP and media (default 127.0.0.1)
                  --public-host  address browsers reach (ICE candidate and links); default: --host,
                                 or this machine's first LAN address when --host is 0.0.0.0
                  --data-dir     where secret.key lives (default ./data)
                  --secret-file  token-signing secret (default DATA-DIR/secret.key, created 0600)
                  --tls-cert/--tls-key  serve HTTPS: browsers grant the camera only to https or localhost pages""");
    }
}
