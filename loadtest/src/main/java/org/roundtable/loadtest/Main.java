package org.roundtable.loadtest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.roundtable.loadtest.cli.LoadTestOptions;
import org.roundtable.loadtest.janus.JanusParticipants;
import org.roundtable.loadtest.participant.ParticipantFactory;
import org.roundtable.loadtest.participant.RoundtableParticipants;
import org.roundtable.loadtest.report.ChartWriter;
import org.roundtable.loadtest.report.LoadReport;
import org.roundtable.loadtest.report.ReportJson;
import org.roundtable.loadtest.report.SummaryTable;
import org.roundtable.loadtest.run.LoadRunner;
import org.roundtable.loadtest.server.ForwardingDelayProbe;
import org.roundtable.loadtest.server.MetricsEndpointProbe;
import org.roundtable.loadtest.server.ProcStatProbe;
import org.roundtable.loadtest.server.ServerCostProbe;
import org.roundtable.loadtest.server.UnknownCostProbe;
import org.roundtable.loadtest.signaling.JoinTokenSigner;

/** {@code java -jar roundtable-loadtest.jar --url ... --ministers N --viewers M ...}: see docs/loadtest.md. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        LoadTestOptions options;
        try {
            options = LoadTestOptions.parse(args);
        } catch (LoadTestOptions.HelpRequested h) {
            System.out.println(LoadTestOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(LoadTestOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            LoadReport report = run(options);
            System.exit(report.summary().joined() == 0 ? 1 : 0);
        } catch (Exception e) {
            System.err.println("load test failed: " + e);
            System.exit(1);
        }
    }

    public static LoadReport run(LoadTestOptions options) throws IOException, InterruptedException {
        ServerCostProbe probe = probe(options);
        try (ParticipantFactory factory = factory(options)) {
            LoadReport report = new LoadRunner(options, factory, probe, delayProbe(options), System.out).run();
            System.out.print(SummaryTable.render(report.summary()));
            if (options.json() != null) {
                Path parent = options.json().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(options.json(), ReportJson.toJson(report).encodePrettily());
                System.out.println("  JSON report: " + options.json());
            }
            if (options.plot() != null) {
                ChartWriter.write(report, options.target().name().toLowerCase(), options.plot());
                System.out.println("  charts: " + options.plot());
            }
            return report;
        }
    }

    static ServerCostProbe probe(LoadTestOptions o) {
        if (o.serverPid() > 0) {
            return new ProcStatProbe(o.serverPid());
        }
        if (o.target() == LoadTestOptions.Target.JANUS) {
            // Janus exposes no process metrics over HTTP: without --server-pid there is nothing to read.
            return new UnknownCostProbe("Janus has no process metrics endpoint; pass --server-pid");
        }
        return new MetricsEndpointProbe(URI.create(o.url() + "/metrics"));
    }

    static ForwardingDelayProbe delayProbe(LoadTestOptions o) {
        return o.target() == LoadTestOptions.Target.JANUS
                ? ForwardingDelayProbe.NONE
                : ForwardingDelayProbe.metricsEndpoint(URI.create(o.url() + "/metrics"));
    }

    static ParticipantFactory factory(LoadTestOptions o) throws IOException {
        if (o.target() == LoadTestOptions.Target.JANUS) {
            return new JanusParticipants(o.url(), o.room(), o.bindAddress(), Math.max(1, o.ministers()) + 1);
        }
        JoinTokenSigner signer = o.secret() != null
                ? JoinTokenSigner.fromSecretText(o.secret(), Clock.systemUTC())
                : JoinTokenSigner.fromDataDir(o.dataDir(), Clock.systemUTC());
        Duration validity = o.duration().plus(Duration.ofHours(1));
        return new RoundtableParticipants(o.url(), o.room(), o.bindAddress(), signer, validity);
    }
}
