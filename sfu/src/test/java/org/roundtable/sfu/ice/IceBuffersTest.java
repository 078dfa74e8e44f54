package org.roundtable.sfu.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.ice4j.util.Buffer;
import org.junit.jupiter.api.Test;

class IceBuffersTest {
    @Test
    void copiesTheRemainingBytesAndConsumesThem() {
        ByteBuffer direct = ByteBuffer.allocateDirect(16);
        direct.put(new byte[] {9, 1, 2, 3, 4}).flip();
        direct.get(); // already read: not part of the copy
        Buffer b = IceBuffers.copyOf(direct);
        assertEquals(0, b.getOffset());
        assertEquals(4, b.getLength());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Arrays.copyOf(b.getBuffer(), 4));
        assertFalse(direct.hasRemaining());
        IceBuffers.release(b);
    }
}
