package org.roundtable.sfu.rtcp;

/** Receives the packets of a compound RTCP datagram, in order, from {@link RtcpCompound#forEach}. */
@FunctionalInterface
public interface RtcpVisitor {
    /** {@code len} is the packet's byte length from its header; {@code countOrFmt} its low 5 bits. */
    void onPacket(byte[] b, int off, int len, int packetType, int countOrFmt);
}
