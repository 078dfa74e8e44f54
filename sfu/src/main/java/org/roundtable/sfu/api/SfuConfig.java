package org.roundtable.sfu.api;

/**
 * How the media plane is set up.
 *
 * @param bindAddress   local address of the shared UDP port (e.g. 127.0.0.1 or 0.0.0.0)
 * @param mediaPort     the UDP port every endpoint shares; 0 picks a free one
 * @param advertisedAddress the address written into ICE candidates (what browsers can reach)
 * @param mediaWorkers  media worker threads; conferences are spread over them
 */
public record SfuConfig(String bindAddress, int mediaPort, String advertisedAddress, int mediaWorkers) {

    public static SfuConfig loopback() {
        return new SfuConfig("127.0.0.1", 0, "127.0.0.1", Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
}
