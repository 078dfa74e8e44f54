package org.roundtable.loadtest.janus;

/**
 * Adapts our Chromium-shaped offer for Janus: Janus answers {@code actpass} with
 * {@code a=setup:active}, while our client transport is always the DTLS client, so the offer says
 * {@code active}. Our candidate is deliberately left out: if Janus knew it, Janus's checks could
 * arrive before our agent opened its path to Janus, and the client harvester accepts only the
 * path it opened; without it Janus learns us as peer-reflexive from our checks, as the
 * Roundtable server does. Pure.
 */
final class JanusSdp {
    private JanusSdp() {
    }

    static String asDtlsClient(String offer) {
        if (!offer.contains("a=setup:actpass")) {
            throw new IllegalArgumentException("offer without a=setup:actpass");
        }
        return offer.replace("a=setup:actpass", "a=setup:active");
    }
}
