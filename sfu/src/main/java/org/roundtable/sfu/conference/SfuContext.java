package org.roundtable.sfu.conference;

import java.util.concurrent.Executor;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.stats.NtpTime;

/**
 * What every conference shares: the packet pool, the transport factory, the NTP mapping of the
 * media clock, and an executor for slow control work (creating ICE agents, building answers)
 * that must not run on a media worker or on the caller's event loop. Immutable.
 */
public record SfuContext(BufferPool pool, LegTransport.Factory transports, NtpTime ntp, Executor control) {
}
