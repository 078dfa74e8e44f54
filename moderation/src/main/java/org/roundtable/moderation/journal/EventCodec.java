package org.roundtable.moderation.journal;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import org.roundtable.moderation.event.Event;

/**
 * Events to and from one line of JSON: {@code {"type":"HandRaised","at":"2026-...Z",...}}, instants
 * as ISO-8601 UTC, durations as ISO-8601 ({@code PT5M}). The domain classes carry no Jackson
 * annotations: the type tag comes from a mix-in and the record names. Thread-safe once built.
 */
public final class EventCodec {
    private final ObjectMapper mapper;

    public EventCodec() {
        mapper = new ObjectMapper();
        SimpleModule time = new SimpleModule("roundtable-time");
        time.addSerializer(Instant.class, toStringSerializer(Instant.class));
        time.addDeserializer(Instant.class, parser(Instant.class, Instant::parse));
        time.addSerializer(Duration.class, toStringSerializer(Duration.class));
        time.addDeserializer(Duration.class, parser(Duration.class, Duration::parse));
        mapper.registerModule(time);
        mapper.addMixIn(Event.class, TypeTag.class);
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            mapper.registerSubtypes(new NamedType(type, type.getSimpleName()));
        }
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** The shared mapper, configured for instants and durations; records render with it too. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public String encode(Event event) {
        try {
            return mapper.writerFor(Event.class).writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be encoded: " + event, e);
        }
    }

    /** @throws IOException if the line is not a complete, known event (every event field is required) */
    public Event decode(String line) throws IOException {
        Event event = mapper.readValue(line, Event.class);
        if (event == null) {
            throw new IOException("not an event: " + line);
        }
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (value(component, event) == null) {
                throw new IOException("event without " + component.getName() + ": " + line);
            }
        }
        return event;
    }

    private static Object value(RecordComponent component, Event event) throws IOException {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IOException("unreadable " + component.getName(), e);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private interface TypeTag {
    }

    private interface Parse<T> {
        T parse(String text);
    }

    private static <T> JsonSerializer<T> toStringSerializer(Class<T> type) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }

            @Override
            public Class<T> handledType() {
                return type;
            }
        };
    }

    private static <T> JsonDeserializer<T> parser(Class<T> type, Parse<T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return parse.parse(text);
                } catch (RuntimeException e) {
                    return type.cast(ctxt.handleWeirdStringValue(type, text, "not ISO-8601"));
                }
            }
        };
    }
}
