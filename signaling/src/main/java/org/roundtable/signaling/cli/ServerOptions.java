package org.roundtable.signaling.cli;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.roundtable.signaling.auth.SecretStore;

/**
 * Where the server listens and how it is reached.
 *
 * @param host       HTTP bind address and UDP media bind address
 * @param publicHost address written into ICE candidates and join links; null = derived from host
 * @param tlsCert    PEM certificate chain; with tlsKey serves HTTPS (browsers only grant the camera
 *                   to https pages or to localhost)
 */
public record ServerOptions(int httpPort, int mediaPort, String host, String publicHost, Path dataDir,
                            Path secretFile, Path tlsCert, Path tlsKey) {

    public static final Set<String> FLAGS = Set.of("http-port", "media-port", "host", "public-host",
            "data-dir", "secret-file", "tls-cert", "tls-key");

    public static ServerOptions from(CommandLine cl) {
        Path dataDir = Path.of(cl.get("data-dir", "data"));
        String secret = cl.get("secret-file", null);
        String cert = cl.get("tls-cert", null);
        String key = cl.get("tls-key", null);
        if ((cert == null) != (key == null)) {
            throw new CommandLine.UsageException("--tls-cert and --tls-key go together");
        }
        return new ServerOptions(cl.port("http-port", 8080), cl.port("media-port", 10000),
                cl.get("host", "127.0.0.1"), cl.get("public-host", null), dataDir,
                secret == null ? dataDir.resolve(SecretStore.DEFAULT_FILE_NAME) : Path.of(secret),
                cert == null ? null : Path.of(cert), key == null ? null : Path.of(key));
    }

    public static ServerOptions loopbackForTests(Path dataDir) {
        return new ServerOptions(0, 0, "127.0.0.1", null, dataDir, dataDir.resolve(SecretStore.DEFAULT_FILE_NAME), null, null);
    }

    public boolean tls() {
        return tlsCert != null;
    }

    /** The address browsers reach: --public-host, else --host, else (wildcard bind) this machine's first LAN address. */
    public String advertisedHost() {
        if (publicHost != null) {
            return publicHost;
        }
        if (!isWildcard(host)) {
            return host;
        }
        return firstSiteAddress();
    }

    /** Base of join links, e.g. {@code http://127.0.0.1:8080}, for the port actually bound. */
    public String linkBase(int boundHttpPort) {
        String h = advertisedHost();
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return (tls() ? "https://" : "http://") + h + ":" + boundHttpPort;
    }

    private static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
    }

    private static String firstSiteAddress() {
        try {
            List<NetworkInterface> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
            for (NetworkInterface nif : interfaces) {
                if (!nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nif.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
            return InetAddress.getLocalHost().getHostAddress();
        } catch (SocketException | UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
