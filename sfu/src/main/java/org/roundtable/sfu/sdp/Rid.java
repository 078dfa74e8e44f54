package org.roundtable.sfu.sdp;

/** {@code a=rid:<id> <send|recv> [<restrictions>]} (RFC 8851); {@code send} true for "send". Immutable: any thread. */
public record Rid(String id, boolean send, String restrictions) {
}
