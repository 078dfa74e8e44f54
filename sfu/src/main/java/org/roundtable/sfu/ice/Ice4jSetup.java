package org.roundtable.sfu.ice;

import org.ice4j.ice.harvest.AbstractUdpListener;

/**
 * Process-wide ice4j settings. Must run before any other ice4j class loads: ice4j reads its
 * configuration once, and {@code new Agent()} would otherwise probe an AWS metadata address
 * and STUN servers. Thread-safe (synchronized, idempotent).
 */
public final class Ice4jSetup {
    /**
     * RFC 7675 section 5.1 checks consent every 5 s (randomized 4-6 s; ice4j's own default is 15 s).
     * With ice4j's retransmissions (30 resends, 100 ms doubling to 500 ms apart: a check is given up
     * ~14.7 s after it is sent) and a 30 s expiry, a vanished peer is dropped 30 s after its last
     * response by {@link ConsentDeadline} (30-36 s by the first timed-out check after the expiry).
     */
    static final String CONSENT_INTERVAL = "ice4j.consent-freshness.interval";
    static final String DEFAULT_CONSENT_INTERVAL = "5 seconds";

    static final String SOCKET_POOL_SIZE = "ice4j.harvest.udp.socket-pool-size";

    /**
     * SO_RCVBUF asked for on every port ice4j receives on. One thread reads the media port for every
     * endpoint; with Linux's default 208 KB (~90 datagrams of video) a 40 ms stall of that thread on a
     * busy machine overflowed it (5,000 datagrams dropped by the kernel in a 20/6/30 roundtable).
     * The kernel caps it at {@code net.core.rmem_max}: raise that to use it (docs/transport.md).
     */
    static final String RECEIVE_BUFFER = "ice4j.harvest.udp.receive-buffer-size";
    static final int DEFAULT_RECEIVE_BUFFER = 4 * 1024 * 1024;

    private static boolean done;
    private static ConsentPolicy consentPolicy;

    private Ice4jSetup() {
    }

    /** The SO_RCVBUF our own readers of ice4j's ports ask for too (after {@link #configure}). */
    public static int receiveBufferBytes() {
        return Integer.getInteger(RECEIVE_BUFFER, DEFAULT_RECEIVE_BUFFER);
    }

    public static synchronized void configure() {
        if (done) {
            return;
        }
        System.setProperty("ice4j.harvest.mapping.aws.enabled", "false");
        System.setProperty("ice4j.harvest.mapping.stun.enabled", "false");
        System.setProperty("ice4j.harvest.udp.use-dynamic-ports", "false");
        if (System.getProperty(CONSENT_INTERVAL) == null) { // tests set a shorter one
            System.setProperty(CONSENT_INTERVAL, DEFAULT_CONSENT_INTERVAL);
        }
        if (System.getProperty(RECEIVE_BUFFER) == null) {
            System.setProperty(RECEIVE_BUFFER, Integer.toString(DEFAULT_RECEIVE_BUFFER));
        }
        String poolSize = System.getProperty(SOCKET_POOL_SIZE);
        int processors = Runtime.getRuntime().availableProcessors();
        if (poolSize == null && processors < 2) {
            System.setProperty(SOCKET_POOL_SIZE, "2");
        } else if (poolSize != null && effectivePoolSize(poolSize.trim(), processors) < 2) {
            // a pool of one socket binds without SO_REUSEADDR, so it cannot join a port we claimed
            // for it (ShareablePort): the media port's send channels, a client's reserved port
            throw new IllegalStateException(SOCKET_POOL_SIZE + "=" + poolSize + " gives ice4j one socket per port;"
                    + " it needs at least 2 to share the port with our own sockets");
        }
        consentPolicy = ConsentPolicy.fromSystemProperties();
        // the push API hands payload to Component's buffer callback instead of a socket per agent
        AbstractUdpListener.USE_PUSH_API = true;
        IceBuffers.install();
        done = true;
    }

    /** ice4j's pool size for a configured value: 0 means one socket per processor. */
    private static int effectivePoolSize(String configured, int processors) {
        try {
            int n = Integer.parseInt(configured);
            return n == 0 ? processors : n;
        } catch (NumberFormatException e) {
            return 2; // not ours to judge: ice4j reports its own configuration errors
        }
    }

    /** The process's consent expiry rule (RFC 7675's 30 s unless {@link ConsentPolicy#EXPIRY_PROPERTY} says otherwise). */
    public static synchronized ConsentPolicy consentPolicy() {
        configure();
        return consentPolicy;
    }
}
