package org.roundtable.sfu.rtp;

import org.junit.jupiter.api.Test;
import org.roundtable.sfu.fixtures.ChromiumCapture;
import org.roundtable.sfu.fixtures.ChromiumCapture.Datagram;
import org.roundtable.sfu.rtcp.RtcpCompound;
import org.roundtable.sfu.rtcp.RtcpHeader;
import org.roundtable.sfu.rtcp.SenderReport;
import org.roundtable.sfu.rtcp.Sdes;
import org.roundtable.sfu.rtcp.TransportCcFeedback;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forwarding path's wire work (parse, find and rewrite extensions, remap ids, VP8 rewrite,
 * RTCP walk, transport-cc feedback build and parse) allocates nothing: measured with the JVM's
 * per-thread allocation counter over many passes of the real capture. Counts bytes, not time.
 */
class ParsePathAllocationTest {

    @Test
    void forwardingWireOperationsDoNotAllocate() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Datagram> capture = ChromiumCapture.load(ChromiumCapture.AUDIO_VIDEO).datagrams();
        byte[][] packets = new byte[capture.size()][];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = capture.get(i).bytes();
        }
        Work work = new Work();
        work.pass(packets); // load classes and fill constant pools first
        long before = threads.getCurrentThreadAllocatedBytes();
        int passes = 50;
        for (int i = 0; i < passes; i++) {
            work.pass(packets);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // One 16-byte object per packet would be 50 * 896 * 16 = 716 800 bytes.
        assertTrue(allocated < 16_384, "allocated " + allocated + " bytes over " + passes * packets.length + " packets");
        assertTrue(work.sink != 0);
    }

    private static final class Work {
        final RtpPacket rtp = new RtpPacket();
        final Vp8PayloadDescriptor vp8 = new Vp8PayloadDescriptor();
        final RtcpCompound compound = new RtcpCompound();
        final SenderReport sr = new SenderReport();
        final Sdes sdes = new Sdes();
        final TransportCcFeedback feedback = new TransportCcFeedback();
        final TransportCcFeedback.Builder builder = new TransportCcFeedback.Builder(256);
        final byte[] scratch = new byte[1600];
        final byte[] feedbackBytes = new byte[1500];
        final byte[] identity = new byte[16];
        long sink;

        Work() {
            for (int i = 0; i < identity.length; i++) {
                identity[i] = (byte) i;
            }
        }

        void pass(byte[][] packets) {
            builder.reset();
            int baseSeq = -1;
            for (byte[] p : packets) {
                if (RtpPacket.looksLikeRtp(p, 0, p.length)) {
                    System.arraycopy(p, 0, scratch, 0, p.length);
                    rtp.wrap(scratch, 0, p.length);
                    if (!rtp.isValid()) {
                        continue;
                    }
                    rtp.remapExtensionIds(identity);
                    rtp.setSequenceNumber(rtp.sequenceNumber() + 1);
                    rtp.setTimestamp(rtp.timestamp() + 3000);
                    rtp.setSsrc(rtp.ssrc() ^ 0x5555);
                    int tcc = rtp.findExtension(3);
                    int seq = TransportCcExtension.read(scratch, tcc);
                    TransportCcExtension.write(scratch, tcc, seq);
                    AbsSendTimeExtension.write(scratch, rtp.findExtension(2), sink);
                    if (baseSeq < 0) {
                        baseSeq = seq;
                    }
                    if (builder.packetCount() < builder.capacity()) {
                        builder.addReceived(sink & 0xFFFFFF);
                    }
                    if (rtp.payloadType() == 96) {
                        vp8.wrap(scratch, rtp.payloadOffset(), rtp.payloadLength());
                        vp8.setPictureId(vp8.pictureId() + 1);
                        sink += vp8.isKeyframe() ? 1 : 2;
                    }
                    int level = rtp.findExtension(1);
                    if (level >= 0) {
                        sink += AudioLevelExtension.level(scratch, level);
                    }
                    sink += rtp.payloadLength();
                } else if (RtpPacket.looksLikeRtcp(p, 0, p.length)) {
                    compound.wrap(p, 0, p.length);
                    while (compound.next()) {
                        if (compound.packetType() == RtcpHeader.SR) {
                            sink += sr.wrap(p, compound.packetOffset(), compound.packetLength()).isValid() ? sr.packetCount() : 0;
                        } else if (compound.packetType() == RtcpHeader.SDES) {
                            sink += sdes.wrap(p, compound.packetOffset(), compound.packetLength()).isValid()
                                    ? sdes.itemLength(0, Sdes.CNAME) : 0;
                        }
                    }
                }
            }
            int n = builder.write(feedbackBytes, 0, 1, 2, baseSeq, 0);
            feedback.wrap(feedbackBytes, 0, n);
            while (feedback.next()) {
                sink += feedback.arrivalMicros();
            }
        }
    }
}
