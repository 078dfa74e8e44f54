package org.roundtable.loadtest.participant;

import org.roundtable.sfu.srtp.SrtpProfile;

/** Transport events of a participant's connections, called on transport threads: hand over only. */
public interface ConnectionEvents {
    void onConnected(Object connection, SrtpProfile profile);

    void onClosed(Object connection, String reason);

    /** The first stamped media packet arrived on a subscribe connection (media worker thread). */
    void onFirstMedia(long arrivalNanos);
}
