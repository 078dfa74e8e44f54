package org.roundtable.moderation.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where journals live: {@code <data-dir>/roundtables/<room>.jsonl}. Immutable, thread-safe. */
public final class JournalStore {
    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String SUFFIX = ".jsonl";

    private final Path directory;
    private final EventCodec codec;

    public JournalStore(Path dataDir) {
        this(dataDir, new EventCodec());
    }

    public JournalStore(Path dataDir, EventCodec codec) {
        this.directory = dataDir.resolve("roundtables");
        this.codec = codec;
    }

    /** A room name is a file name: letters, digits, '.', '_' and '-', not starting with a dot. */
    public static boolean isValidRoom(String room) {
        return room != null && ROOM.matcher(room).matches();
    }

    public Path pathOf(String room) {
        if (!isValidRoom(room)) {
            throw new IllegalArgumentException("invalid room name '" + room
                    + "': use 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return directory.resolve(room + SUFFIX);
    }

    public Journal open(String room) throws IOException {
        return Journal.open(pathOf(room), codec);
    }

    /** Rooms that have a journal, sorted. */
    public List<String> rooms() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length())).filter(JournalStore::isValidRoom)
                    .sorted().toList();
        }
    }

    public EventCodec codec() {
        return codec;
    }
}
