package org.roundtable.sfu.conference;

/**
 * What a subscribe answer set up for one m-section: which track, with which of our SSRCs, and
 * the receiver's payload types and extension ids. Immutable.
 */
record ConsumerSpec(String mid, String trackId, long ssrc, long rtxSsrc, int payloadType, int rtxPayloadType,
                    ExtensionIds extensions, boolean nack) {
}
