package org.roundtable.loadtest.cli;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything one load-test run is told, validated. Immutable.
 *
 * @param url              base URL of the Roundtable server (http://host:port) or of Janus's HTTP API
 * @param dataDir          the server's data directory (its secret.key signs our join tokens), or null
 * @param secret           the signing secret itself (base64, as in secret.key), or null
 * @param ministers        simulated ministers (publish audio, receive everyone)
 * @param videoMinisters   how many of them also publish video
 * @param viewers          simulated viewers (receive only)
 * @param duration         length of the measurement window
 * @param ramp             joins per second
 * @param settle           time between the last join and the measurement window (the join transient:
 *                         handshakes, keyframe requests, JIT)
 * @param serverPid        the server's process id, to read its CPU and memory from /proc (0: use /metrics)
 * @param workers          media threads shared by every simulated participant
 * @param keyframeInterval time between periodic keyframes (zero: only on request)
 * @param unpaced          send each video frame's packets at once instead of through a browser-like pacer
 */
public record LoadTestOptions(
        String url, Path dataDir, String secret, String room,
        int ministers, int videoMinisters, int viewers,
        Duration duration, double ramp, Duration settle,
        int audioBitrate, int videoBitrate, int fps, int width, int height, boolean simulcast,
        Duration keyframeInterval, long seed, Path json, Path plot, Target target,
        long serverPid, int workers, String bindAddress, boolean quiet, boolean unpaced) {

    public enum Target { ROUNDTABLE, JANUS }

    public LoadTestOptions {
        if (ministers < 0 || viewers < 0 || ministers + viewers == 0) {
            throw new IllegalArgumentException("need at least one participant (--ministers, --viewers)");
        }
        if (videoMinisters < 0 || videoMinisters > ministers) {
            throw new IllegalArgumentException("--video-ministers must be between 0 and --ministers");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (settle.isNegative()) {
            throw new IllegalArgumentException("--settle must not be negative");
        }
        if (!(ramp > 0)) {
            throw new IllegalArgumentException("--ramp must be positive (joins per second)");
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("--fps must be 1..60");
        }
        if (workers < 1 || workers > 8) {
            throw new IllegalArgumentException("--workers must be 1..8");
        }
        if (target == Target.ROUNDTABLE && dataDir == null && secret == null) {
            throw new IllegalArgumentException("--data-dir or --secret is needed to sign join tokens");
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("--url must be http(s)://host:port, got " + url);
        }
    }

    public static final String USAGE = String.join("\n",
            "usage: java -jar roundtable-loadtest.jar [options]",
            "  --url URL               server base URL (default http://127.0.0.1:8080; Janus: http://127.0.0.1:8088/janus)",
            "  --data-dir DIR          the server's data dir (reads DIR/secret.key to sign join tokens)",
            "  --secret BASE64         the signing secret instead of --data-dir",
            "  --room NAME             roundtable to join (default loadtest)",
            "  --ministers N           publishing participants (default 2)",
            "  --video-ministers K     how many ministers also send video (default: all)",
            "  --viewers M             receive-only participants (default 0)",
            "  --duration D            how long the measurement lasts (default 30s)",
            "  --ramp R                joins per second (default 5)",
            "  --settle D              media time after the last join before the measurement starts (default 0s)",
            "  --audio-bitrate B       Opus bitrate (default 32k)",
            "  --video-bitrate B       VP8 bitrate of the (top) layer (default 500k)",
            "  --fps F                 video frame rate (default 30)",
            "  --resolution WxH        video size of the (top) layer (default 640x480)",
            "  --simulcast             three VP8 layers q/h/f at 1/4, 1/2, 1 of the size",
            "  --keyframe-interval D   periodic keyframes (default 3s; 0 = on request only)",
            "  --no-pacing             send a video frame's packets at once (default: paced like Chrome,",
            "                          2.5x the bitrate with 40 ms bursts)",
            "  --seed S                seed of every random choice (default 1)",
            "  --json FILE             write the JSON report there",
            "  --plot DIR              write PNG charts there",
            "  --target roundtable|janus  server kind (default roundtable)",
            "  --server-pid PID        read the server's CPU/RSS from /proc instead of /metrics",
            "  --workers N             media threads of the load generator (default 2)",
            "  --bind ADDR             local address for ICE (default 127.0.0.1)",
            "  --quiet                 no live progress lines");

    public static LoadTestOptions parse(String... args) {
        String url = null;
        Path dataDir = null;
        String secret = null;
        String room = "loadtest";
        int ministers = 2;
        Integer videoMinisters = null;
        int viewers = 0;
        Duration duration = Duration.ofSeconds(30);
        double ramp = 5;
        Duration settle = Duration.ZERO;
        int audioBitrate = 32_000;
        int videoBitrate = 500_000;
        int fps = 30;
        int width = 640;
        int height = 480;
        boolean simulcast = false;
        boolean unpaced = false;
        Duration keyframeInterval = Duration.ofSeconds(3);
        long seed = 1;
        Path json = null;
        Path plot = null;
        Target target = Target.ROUNDTABLE;
        long serverPid = 0;
        int workers = 2;
        String bind = "127.0.0.1";
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            switch (name) {
                case "--simulcast" -> simulcast = true;
                case "--quiet" -> quiet = true;
                case "--no-pacing" -> unpaced = true;
                case "--help", "-h" -> throw new HelpRequested();
                default -> {
                    String v;
                    if (inline != null) {
                        v = inline;
                    } else {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        v = args[++i];
                    }
                    switch (name) {
                        case "--url" -> url = stripSlash(v);
                        case "--data-dir" -> dataDir = Path.of(v);
                        case "--secret" -> secret = v;
                        case "--room" -> room = v;
                        case "--ministers" -> ministers = integer(name, v);
                        case "--video-ministers" -> videoMinisters = integer(name, v);
                        case "--viewers" -> viewers = integer(name, v);
                        case "--duration" -> duration = Units.duration(v);
                        case "--ramp" -> ramp = number(name, v);
                        case "--settle" -> settle = Units.duration(v);
                        case "--audio-bitrate" -> audioBitrate = Units.bitrate(v);
                        case "--video-bitrate" -> videoBitrate = Units.bitrate(v);
                        case "--fps" -> fps = integer(name, v);
                        case "--resolution" -> {
                            String[] wh = v.toLowerCase().split("x");
                            if (wh.length != 2) {
                                throw new IllegalArgumentException("--resolution is WxH, got " + v);
                            }
                            width = integer(name, wh[0]);
                            height = integer(name, wh[1]);
                        }
                        case "--keyframe-interval" -> keyframeInterval = Units.duration(v);
                        case "--seed" -> seed = Long.parseLong(v);
                        case "--json" -> json = Path.of(v);
                        case "--plot" -> plot = Path.of(v);
                        case "--target" -> target = switch (v.toLowerCase()) {
                            case "roundtable" -> Target.ROUNDTABLE;
                            case "janus" -> Target.JANUS;
                            default -> throw new IllegalArgumentException("--target is roundtable or janus, got " + v);
                        };
                        case "--server-pid" -> serverPid = Long.parseLong(v);
                        case "--workers" -> workers = integer(name, v);
                        case "--bind" -> bind = v;
                        default -> throw new IllegalArgumentException("unknown option " + name);
                    }
                }
            }
        }
        if (url == null) {
            url = target == Target.JANUS ? "http://127.0.0.1:8088/janus" : "http://127.0.0.1:8080";
        }
        return new LoadTestOptions(url, dataDir, secret, room, ministers,
                videoMinisters == null ? ministers : videoMinisters, viewers, duration, ramp, settle,
                audioBitrate, videoBitrate, fps, width, height, simulcast, keyframeInterval, seed, json, plot,
                target, serverPid, workers, bind, quiet, unpaced);
    }

    private static String stripSlash(String v) {
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    private static int integer(String name, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got " + v);
        }
    }

    private static double number(String name, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got " + v);
        }
    }

    /** Thrown for --help: the caller prints {@link #USAGE}. */
    public static final class HelpRequested extends RuntimeException {
        public HelpRequested() {
            super("help", null, false, false);
        }
    }
}
