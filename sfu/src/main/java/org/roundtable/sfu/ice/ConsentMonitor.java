package org.roundtable.sfu.ice;

import java.util.function.LongSupplier;

/**
 * Remembers when consent on the selected pair was last confirmed and asks the {@link ConsentPolicy}
 * whether consent is gone, which {@link ConsentDeadline} does at the deadline and when one of
 * ice4j's consent checks times out.
 *
 * <p>Why not trust a single timeout: ice4j (3.2) can time out a check that WAS answered. Its STUN
 * client transaction is registered, sent, and only then has its retransmission timer scheduled; when
 * the response is handled in between (loopback answers in ~0.3 ms), {@code cancel()} finds no timer
 * to stop, the timer starts afterwards, skips every resend of the cancelled request and finally
 * reports a timeout that fails the selected pair although consent was just confirmed.
 *
 * <p>Thread-safe: called on ice4j threads (responses, timeouts), possibly concurrently.
 */
public final class ConsentMonitor {
    private final ConsentPolicy policy;
    private final LongSupplier nanoClock;
    private volatile long lastConfirmedNanos;

    /** Consent counts as confirmed at creation: call it when the first pair is validated. */
    public ConsentMonitor(ConsentPolicy policy, LongSupplier nanoClock) {
        this.policy = policy;
        this.nanoClock = nanoClock;
        this.lastConfirmedNanos = nanoClock.getAsLong();
    }

    /** An authenticated Binding success response arrived on the selected pair. */
    public void confirmed() {
        lastConfirmedNanos = nanoClock.getAsLong();
    }

    /** True once no confirmation arrived for the whole expiry: consent is lost. */
    public boolean expired() {
        return policy.expired(lastConfirmedNanos, nanoClock.getAsLong());
    }

    /** How long consent lasts without another confirmation; not positive once it is lost. */
    public long nanosLeft() {
        return policy.nanosLeft(lastConfirmedNanos, nanoClock.getAsLong());
    }

    /** Nanoseconds since the last confirmation. */
    public long sinceLastConfirmationNanos() {
        return nanoClock.getAsLong() - lastConfirmedNanos;
    }
}
