package org.roundtable.sfu.thread;

/**
 * A media worker's thread. It keeps its {@link MediaThreadLocal} values in an array indexed by
 * the local's number: the buffer pool and the datagram batch are looked up several times per
 * forwarded packet, where a {@link ThreadLocal}'s hash lookup was a measurable share of the
 * worker's Java time (profiles in docs/benchmarks.md). The values are read and written only by
 * the thread itself.
 */
public final class MediaThread extends Thread {
    private Object[] locals = new Object[4];

    public MediaThread(Runnable body, String name) {
        super(body, name);
    }

    Object local(int index) {
        Object[] l = locals;
        return index < l.length ? l[index] : null;
    }

    void local(int index, Object value) {
        if (index >= locals.length) {
            locals = java.util.Arrays.copyOf(locals, Math.max(index + 1, locals.length * 2));
        }
        locals[index] = value;
    }
}
