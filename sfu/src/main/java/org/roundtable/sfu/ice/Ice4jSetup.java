package org.roundtable.sfu.ice;

import org.ice4j.ice.harvest.AbstractUdpListener;

/**
 * Process-wide ice4j settings. Must run before any other ice4j class loads: ice4j reads its
 * configuration once, and {@code new Agent()} would otherwise probe an AWS metadata address
 * and STUN servers. Thread-safe (synchronized, idempotent).
 */
public final class Ice4jSetup {
    private static boolean done;

    private Ice4jSetup() {
    }

    public static synchronized void configure() {
        if (done) {
            return;
        }
        System.setProperty("ice4j.harvest.mapping.aws.enabled", "false");
        System.setProperty("ice4j.harvest.mapping.stun.enabled", "false");
        System.setProperty("ice4j.harvest.udp.use-dynamic-ports", "false");
        // the push API hands payload to Component's buffer callback instead of a socket per agent
        AbstractUdpListener.USE_PUSH_API = true;
        IceBuffers.install();
        done = true;
    }
}
