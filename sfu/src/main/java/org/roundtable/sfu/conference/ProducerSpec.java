package org.roundtable.sfu.conference;

import org.roundtable.sfu.api.MediaKind;

/**
 * What a publish answer accepted for one m-section: the codec the publisher will send, its RTX,
 * its SSRCs (-1 when the offer listed none: learned from the mid extension) and extension ids.
 */
record ProducerSpec(String mid, MediaKind kind, String codecName, int payloadType, int clockRate, int rtxPayloadType,
                    long ssrc, long rtxSsrc, ExtensionIds extensions, boolean nack) {
}
