package org.roundtable.sfu.sdp;

/** {@code a=extmap:<id>[/<direction>] <uri> [<attributes>]} (RFC 8285); direction null when not given. Immutable: any thread. */
public record HeaderExtension(int id, Direction direction, String uri, String attributes) {
}
