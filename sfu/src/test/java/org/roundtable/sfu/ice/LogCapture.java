package org.roundtable.sfu.ice;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the messages one java.util.logging logger publishes, at INFO and above, until closed. Thread-safe. */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level before;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    LogCapture(String loggerName) {
        logger = Logger.getLogger(loggerName);
        before = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addHandler(this);
    }

    /** What was logged so far (lazily built messages included). */
    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord r) {
        messages.add(r.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(before);
    }
}
