package org.roundtable.sfu.conference;

import java.util.concurrent.Executor;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.stats.NtpTime;
import org.roundtable.sfu.worker.SendLanes;

/**
 * What every conference shares: the packet pool, the transport factory, the NTP mapping of the
 * media clock, and an executor for slow control work (creating ICE agents, building answers)
 * that must not run on a media worker or on the caller's event loop, and the send lanes endpoints
 * are bound to. Immutable.
 */
public record SfuContext(BufferPool pool, LegTransport.Factory transports, NtpTime ntp, Executor control,
                         SendLanes lanes) {

    /** Workers send inline: the forwarding core driven step by step in tests and benchmarks. */
    public SfuContext(BufferPool pool, LegTransport.Factory transports, NtpTime ntp, Executor control) {
        this(pool, transports, ntp, control, SendLanes.inline());
    }
}
