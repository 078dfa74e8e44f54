package org.roundtable.moderation.journal;

import java.io.Closeable;
import java.io.IOException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.roundtable.moderation.Roundtable;
import org.roundtable.moderation.model.Settings;

/**
 * The open roundtables, each backed by its journal: opening a room replays its journal, or starts
 * a new one with the default settings. Confined to one thread (signaling's event loop).
 */
public final class RoundtableRegistry implements Closeable {
    private final JournalStore store;
    private final Settings defaults;
    private final InstantSource clock;
    private final Map<String, Entry> open = new HashMap<>();

    private record Entry(Roundtable roundtable, Journal journal) { }

    public RoundtableRegistry(JournalStore store, Settings defaults, InstantSource clock) {
        this.store = store;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** The room's roundtable: already open, rebuilt from its journal, or new. */
    public Roundtable open(String room) throws IOException {
        Entry entry = open.get(room);
        if (entry == null) {
            Journal journal = store.open(room);
            try {
                Roundtable roundtable = Roundtable.restore(room, defaults, journal.history(), clock, journal);
                entry = new Entry(roundtable, journal);
            } catch (IOException | RuntimeException e) {
                journal.close();
                throw e;
            }
            open.put(room, entry);
        }
        return entry.roundtable();
    }

    public Optional<Roundtable> get(String room) {
        return Optional.ofNullable(open.get(room)).map(Entry::roundtable);
    }

    /** What replaying the room's journal found, if the room is open. */
    public Optional<ReplayReport> replayReport(String room) {
        return Optional.ofNullable(open.get(room)).map(e -> e.journal().report());
    }

    /** Closes the room's journal; the roundtable can be opened again later from it. */
    public void close(String room) throws IOException {
        Entry entry = open.remove(room);
        if (entry != null) {
            entry.journal().close();
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Entry entry : open.values()) {
            try {
                entry.journal().close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
