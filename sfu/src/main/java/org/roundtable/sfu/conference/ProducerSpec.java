package org.roundtable.sfu.conference;

import org.roundtable.sfu.api.MediaKind;

/**
 * What a publish answer accepted for one m-section: the codec the publisher will send, its RTX,
 * its SSRCs (-1 when the offer listed none: learned from the mid extension), extension ids and,
 * for simulcast, the one layer forwarded (no layer switching yet). Immutable.
 */
record ProducerSpec(String mid, MediaKind kind, String codecName, int payloadType, int clockRate, int rtxPayloadType,
                    long ssrc, long rtxSsrc, ExtensionIds extensions, boolean nack, String forwardedRid) {
}
