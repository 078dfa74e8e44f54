package org.roundtable.sfu.srtp;

import java.util.Arrays;

/**
 * A small open-addressing map from a 32-bit SSRC to a value: lookups neither box nor allocate.
 * Confined to one thread (the thread that owns the SRTP direction holding it).
 */
final class SsrcMap<V> {
    private int[] keys = new int[16];
    private Object[] values = new Object[16];
    private int size;

    @SuppressWarnings("unchecked")
    V get(int ssrc) {
        int mask = keys.length - 1;
        for (int i = mix(ssrc) & mask; ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == ssrc) {
                return (V) v;
            }
        }
    }

    void put(int ssrc, V value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(ssrc) & mask; ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = ssrc;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == ssrc) {
                values[i] = value;
                return;
            }
        }
    }

    int size() { return size; }

    void clear() {
        Arrays.fill(values, null);
        size = 0;
    }

    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                @SuppressWarnings("unchecked") V v = (V) oldValues[i];
                put(oldKeys[i], v);
            }
        }
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
