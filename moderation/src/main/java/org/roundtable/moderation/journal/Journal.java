package org.roundtable.moderation.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.roundtable.moderation.EventSink;
import org.roundtable.moderation.event.Event;

/**
 * A roundtable's append-only journal: one JSON event per line, UTF-8. Every append is one write of
 * whole lines followed by fsync, so a crash can leave at most one unterminated last line; that line
 * was never acknowledged, so opening cuts it off and later appends start on a clean line.
 * Confined to the roundtable's thread.
 */
public final class Journal implements EventSink, Closeable {
    private final Path file;
    private final EventCodec codec;
    private final FileChannel channel;
    private final List<Event> history;
    private final ReplayReport report;

    private Journal(Path file, EventCodec codec, FileChannel channel, List<Event> history, ReplayReport report) {
        this.file = file;
        this.codec = codec;
        this.channel = channel;
        this.history = List.copyOf(history);
        this.report = report;
    }

    /** Opens (creating if needed) the journal, reads its history and cuts off a torn last line. */
    public static Journal open(Path file, EventCodec codec) throws IOException {
        boolean created = !Files.exists(file);
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] content = created ? new byte[0] : Files.readAllBytes(file);
        int end = lastLineEnd(content);
        List<Event> history = new ArrayList<>();
        int damaged = 0;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (content[i] == '\n') {
                String line = new String(content, lineStart, i - lineStart, StandardCharsets.UTF_8).strip();
                lineStart = i + 1;
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    history.add(codec.decode(line));
                } catch (IOException | RuntimeException e) {
                    damaged++;
                }
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (end < content.length) {
                channel.truncate(end);
                channel.force(true);
            }
            channel.position(end);
            if (created) {
                syncDirectory(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        ReplayReport report = new ReplayReport(history.size(), damaged, content.length - end);
        return new Journal(file, codec, channel, history, report);
    }

    /** The events read when the journal was opened, in order. */
    public List<Event> history() {
        return history;
    }

    public ReplayReport report() {
        return report;
    }

    public Path file() {
        return file;
    }

    @Override
    public void append(List<Event> events) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Event event : events) {
            lines.append(codec.encode(event)).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        long before = channel.position();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            // Leave no partial line behind for the next append to be glued to.
            channel.truncate(before);
            channel.position(before);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Length up to and including the last newline: what a crash cannot have torn. */
    private static int lastLineEnd(byte[] content) {
        for (int i = content.length - 1; i >= 0; i--) {
            if (content[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can fsync a directory; the file itself is still synced on append.
        }
    }
}
