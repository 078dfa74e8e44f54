package org.roundtable.sfu.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MediaThreadLocalTest {
    @Test
    void eachThreadGetsItsOwnValueOnceWhetherMediaThreadOrNot() throws Exception {
        AtomicInteger created = new AtomicInteger();
        MediaThreadLocal<List<String>> local = new MediaThreadLocal<>(() -> {
            created.incrementAndGet();
            return new ArrayList<>();
        });
        // many locals, so the media thread's array has to grow past its first size
        List<MediaThreadLocal<Object>> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            others.add(new MediaThreadLocal<>(Object::new));
        }
        List<String> mine = local.get();
        assertSame(mine, local.get());

        AtomicReference<List<String>> onMedia = new AtomicReference<>();
        AtomicReference<Object> lastOther = new AtomicReference<>();
        MediaThread t = new MediaThread(() -> {
            List<String> v = local.get();
            v.add("media");
            Object o = others.get(9).get();
            if (local.get() == v && others.get(9).get() == o) {
                onMedia.set(v);
                lastOther.set(o);
            }
        }, "media-test");
        t.start();
        t.join();
        assertEquals(List.of("media"), onMedia.get(), "the media thread kept one value across calls");
        assertNotSame(mine, onMedia.get());
        assertEquals(List.of(), mine, "not shared with the test thread");
        assertEquals(2, created.get());
        assertEquals(Object.class, lastOther.get().getClass());
    }
}
