package org.roundtable.sfu.sdp;

/** The {@code a=ssrc} lines of one SSRC: its CNAME and msid value ({@code "stream track"}), null if absent. Immutable: any thread. */
public record SsrcInfo(long ssrc, String cname, String msid) {
}
