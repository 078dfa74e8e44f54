package org.roundtable.sfu.worker;

/**
 * A media worker's thread, with one field for the state its sends keep per thread (the held
 * batch of {@code PairSender}): read on every datagram, where a {@link ThreadLocal} lookup was a
 * measurable share of the worker's Java time. Set and read only by the thread itself.
 */
public final class MediaThread extends Thread {
    private Object sendState;

    MediaThread(Runnable body, String name) {
        super(body, name);
    }

    /** What the current sender keeps for this thread, or null. */
    public Object sendState() { return sendState; }

    public void sendState(Object state) { this.sendState = state; }
}
