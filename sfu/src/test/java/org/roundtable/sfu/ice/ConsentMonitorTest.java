package org.roundtable.sfu.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Consent (RFC 7675) is lost by the age of the last response, not by one timed-out check. */
class ConsentMonitorTest {
    private static final ConsentPolicy THIRTY_SECONDS = new ConsentPolicy(Duration.ofSeconds(30));
    private long now = TimeUnit.SECONDS.toNanos(1000);

    private void advanceSeconds(double s) {
        now += (long) (s * 1e9);
    }

    private final String surefireExpiry = System.getProperty(ConsentPolicy.EXPIRY_PROPERTY);

    @AfterEach
    void restoreProperty() { // other tests of this JVM read it
        if (surefireExpiry == null) {
            System.clearProperty(ConsentPolicy.EXPIRY_PROPERTY);
        } else {
            System.setProperty(ConsentPolicy.EXPIRY_PROPERTY, surefireExpiry);
        }
    }

    @Test
    void aCheckThatTimesOutWhileResponsesKeepComingDoesNotLoseConsent() {
        ConsentMonitor consent = new ConsentMonitor(THIRTY_SECONDS, () -> now);
        // the spurious ice4j timeout seen with Chromium: 6.3 s after a check that was answered,
        // while later checks are answered every 5 s
        advanceSeconds(5);
        consent.confirmed();
        advanceSeconds(1.3);
        assertFalse(consent.expired());
        for (int i = 0; i < 20; i++) { // a long call with a timeout after every answer
            advanceSeconds(5);
            consent.confirmed();
            advanceSeconds(4.9);
            assertFalse(consent.expired());
            advanceSeconds(-4.9);
        }
    }

    @Test
    void aVanishedPeerLosesConsentAtTheFirstTimeoutPastTheExpiry() {
        ConsentMonitor consent = new ConsentMonitor(THIRTY_SECONDS, () -> now);
        consent.confirmed(); // last answer; the peer vanishes now
        // production timing: checks every ~5 s, each given up 15.5 s after it was sent
        advanceSeconds(5 + 15.5);
        assertFalse(consent.expired());
        advanceSeconds(5);
        assertFalse(consent.expired());
        advanceSeconds(5);
        assertTrue(consent.expired()); // 30.5 s after the last answer
        assertEquals(TimeUnit.MILLISECONDS.toNanos(30_500), consent.sinceLastConfirmationNanos());
    }

    @Test
    void consentStartsFreshWhenTheMonitorIsCreated() {
        ConsentMonitor consent = new ConsentMonitor(THIRTY_SECONDS, () -> now);
        advanceSeconds(29.999);
        assertFalse(consent.expired());
        advanceSeconds(0.001);
        assertTrue(consent.expired());
    }

    @Test
    void theTimeLeftFollowsTheLastConfirmationAndRunsOutAtTheExpiry() {
        ConsentMonitor consent = new ConsentMonitor(THIRTY_SECONDS, () -> now);
        advanceSeconds(12);
        assertEquals(TimeUnit.SECONDS.toNanos(18), consent.nanosLeft());
        consent.confirmed();
        advanceSeconds(10);
        assertEquals(TimeUnit.SECONDS.toNanos(20), consent.nanosLeft()); // the watch re-arms for this
        advanceSeconds(20);
        assertEquals(0, consent.nanosLeft());
        assertTrue(consent.expired()); // the same moment both ways of deciding agree on
    }

    @Test
    void policyExpiresExactlyAtTheExpiry() {
        assertFalse(THIRTY_SECONDS.expired(0, TimeUnit.SECONDS.toNanos(30) - 1));
        assertTrue(THIRTY_SECONDS.expired(0, TimeUnit.SECONDS.toNanos(30)));
        // nanoTime may be negative: only differences count
        assertFalse(THIRTY_SECONDS.expired(Long.MIN_VALUE + 5, Long.MIN_VALUE + 10));
    }

    @Test
    void policyComesFromTheSystemPropertyOrRfc7675() {
        System.clearProperty(ConsentPolicy.EXPIRY_PROPERTY);
        assertEquals(Duration.ofSeconds(30), ConsentPolicy.fromSystemProperties().expiry());
        System.setProperty(ConsentPolicy.EXPIRY_PROPERTY, "5000");
        assertEquals(Duration.ofSeconds(5), ConsentPolicy.fromSystemProperties().expiry());
        System.setProperty(ConsentPolicy.EXPIRY_PROPERTY, "five seconds");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ConsentPolicy::fromSystemProperties);
        assertTrue(e.getMessage().contains(ConsentPolicy.EXPIRY_PROPERTY), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConsentPolicy(Duration.ZERO));
    }
}
