package org.roundtable.sfu.rtcp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated and random datagrams through the compound walker and every parser: each either says
 * invalid or answers all its getters inside the buffer. Nothing may throw.
 */
class MalformedRtcpTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String[] SEEDS = {
        RtcpCompoundTest.SR_SDES,
        "82c9000d" + "00000001" + "a8267da5000000000000316d000000040000000000000000"
                + "1d22cb5bff7fffff00020001ffffffffeeb491e20000ffff",
        "82cb0004" + "00000001" + "00000002" + "056f6b212178" + "0000",
        "81cd0006" + "00000001" + "00000002" + "00648005" + "00750000" + "00c80000" + "ffff0009",
        "81ce0002" + "00000001" + "a8267da5",
        "84ce0004" + "00000001" + "00000000" + "a8267da5" + "07000000",
        "8fce0005" + "00000001" + "00000000" + "52454d42" + "01" + "06" + "49f0" + "a8267da5",
        "8fcd0006" + "00000001" + "00000002" + "fffe" + "0006" + "00000f" + "07" + "d1a0" + "a0" + "01" + "fffb" + "0194",
        "82ca0006" + "00000001" + "0103616263" + "000000" + "00000002" + "020178" + "0100" + "00" + "0000",
    };

    @Test
    void mutatedAndRandomInputNeverThrows() {
        Random random = new Random(3550);
        Parsers parsers = new Parsers();
        for (int round = 0; round < 30_000; round++) {
            byte[] b;
            if (round % 3 == 0) {
                b = new byte[random.nextInt(80)];
                random.nextBytes(b);
                if (b.length > 1) {
                    b[0] = (byte) (0x80 | (b[0] & 0x3F));
                    b[1] = (byte) (200 + random.nextInt(8));
                }
            } else {
                b = HEX.parseHex(SEEDS[random.nextInt(SEEDS.length)]);
                int mutations = 1 + random.nextInt(3);
                for (int m = 0; m < mutations; m++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            int len = round % 5 == 0 && b.length > 0 ? random.nextInt(b.length) : b.length;
            RtcpCompound.forEach(b, 0, len, parsers);
            // Parsers must also survive a packet view that ignores the compound's verdict.
            parsers.onPacket(b, 0, len, len >= 2 ? b[1] & 0xFF : 0, len >= 1 ? b[0] & 0x1F : 0);
        }
        assertTrue(parsers.validSeen > 1000, "the mutations keep many packets valid: " + parsers.validSeen);
    }

    private static final class Parsers implements RtcpVisitor {
        final SenderReport sr = new SenderReport();
        final ReceiverReport rr = new ReceiverReport();
        final Sdes sdes = new Sdes();
        final Bye bye = new Bye();
        final GenericNack nack = new GenericNack();
        final Pli pli = new Pli();
        final Fir fir = new Fir();
        final Remb remb = new Remb();
        final TransportCcFeedback tcc = new TransportCcFeedback();
        final int[] lost = new int[512];
        int validSeen;
        long sink;

        @Override
        public void onPacket(byte[] b, int off, int len, int packetType, int countOrFmt) {
            if (sr.wrap(b, off, len).isValid()) {
                validSeen++;
                sink += sr.senderSsrc() + sr.ntpTimestamp() + sr.rtpTimestamp() + sr.packetCount() + sr.octetCount();
                for (int i = 0; i < sr.reportCount(); i++) {
                    ReportBlock block = sr.reportBlock(i);
                    sink += block.ssrc() + block.cumulativeLost() + block.dlsr() + block.lsr() + block.jitter();
                }
            }
            if (rr.wrap(b, off, len).isValid()) {
                validSeen++;
                for (int i = 0; i < rr.reportCount(); i++) {
                    sink += rr.reportBlock(i).extHighestSeq() + rr.reportBlock(i).fractionLost();
                }
            }
            if (sdes.wrap(b, off, len).isValid()) {
                validSeen++;
                for (int i = 0; i < sdes.chunkCount(); i++) {
                    sink += sdes.ssrc(i) + sdes.findItem(i, Sdes.CNAME) + sdes.itemLength(i, 2);
                    String cname = sdes.cname(i);
                    sink += cname == null ? 0 : cname.length();
                }
            }
            if (bye.wrap(b, off, len).isValid()) {
                validSeen++;
                for (int i = 0; i < bye.ssrcCount(); i++) {
                    sink += bye.ssrc(i);
                }
                String reason = bye.reason();
                sink += reason == null ? 0 : reason.length();
            }
            if (nack.wrap(b, off, len).isValid()) {
                validSeen++;
                sink += nack.mediaSsrc() + nack.lostCount() + nack.lostSequenceNumbers(lost);
            }
            if (pli.wrap(b, off, len).isValid()) {
                validSeen++;
                sink += pli.mediaSsrc();
            }
            if (fir.wrap(b, off, len).isValid()) {
                validSeen++;
                for (int i = 0; i < fir.entryCount(); i++) {
                    sink += fir.ssrc(i) + fir.sequenceNumber(i);
                }
            }
            if (remb.wrap(b, off, len).isValid()) {
                validSeen++;
                sink += remb.bitrate();
                for (int i = 0; i < remb.ssrcCount(); i++) {
                    sink += remb.ssrc(i);
                }
            }
            if (tcc.wrap(b, off, len).isValid()) {
                validSeen++;
                while (tcc.next()) {
                    sink += tcc.sequenceNumber() + tcc.arrivalMicros() + tcc.status();
                }
            }
        }
    }
}
